import { defaultExposureRules, type ExposureRules } from "@tremplin/algo";
import type { Config } from "../../config.js";

/** Exposure rules of this deployment: thresholds from the configuration, the library's other defaults. */
export function exposureRules(config: Pick<Config, "algoThreshold" | "algoThresholdFloor">): ExposureRules {
  return { ...defaultExposureRules, baseThreshold: config.algoThreshold, floorThreshold: config.algoThresholdFloor };
}
