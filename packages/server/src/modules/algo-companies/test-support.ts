import {
  type AlgoReference,
  defaultExposureRules,
  generateDataset,
  loadAlgoReference,
  parseIsoDay,
} from "@tremplin/algo";
import type { DatabaseHandle } from "../../db/connection.js";
import { loadGeneratedData } from "../../imports/algo/load-generated.js";
import type { AlgoRunDeps } from "./scoring-service.js";

let reference: Promise<AlgoReference> | null = null;

/** The algorithm's reference data, once per test file. */
export function testAlgoReference(): Promise<AlgoReference> {
  reference ??= loadAlgoReference();
  return reference;
}

/** Run dependencies for tests: default exposure rules, a fixed clock. */
export async function testRunDeps(db: DatabaseHandle, now = new Date("2026-03-02T09:00:00Z")): Promise<AlgoRunDeps> {
  return { db: db.db, now: () => now, rules: defaultExposureRules, reference: await testAlgoReference() };
}

/** A small generated data set (fictional directory rows, histories, finances) loaded into the database. */
export async function loadTestData(db: DatabaseHandle, options: { establishments?: number; seed?: number } = {}) {
  const ref = await testAlgoReference();
  const generated = generateDataset(ref, {
    establishments: options.establishments ?? 2500,
    years: 6,
    seed: options.seed ?? 11,
    end: parseIsoDay("2026-01-01"),
  });
  await loadGeneratedData(db.db, generated, ref, { label: "jeu de test", now: new Date("2026-02-01T00:00:00Z") });
  return generated;
}
