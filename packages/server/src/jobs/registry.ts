import { opcoDigestJob } from "../modules/accounts/opco-digest-job.js";
import type { JobDefinition } from "./job.js";

/** Every scheduled job; feature modules add theirs here. */
export const jobs: JobDefinition[] = [opcoDigestJob];
