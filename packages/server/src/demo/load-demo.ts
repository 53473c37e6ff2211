import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import type { ProgressReporter } from "../lib/progress-reporter.js";
import { algoDemoSeeder } from "./algo.js";
import { applicationsDemoSeeder } from "./applications.js";
import { cfaDemoSeeder } from "./cfa-catalogue.js";
import { companiesDemoSeeder } from "./companies.js";
import { membershipsDemoSeeder } from "./memberships.js";
import { offersDemoSeeder } from "./offers.js";

export interface DemoOptions {
  publicUrl: string;
  /** When given, the demo applications' CVs are kept encrypted as real ones are (CV_ENCRYPTION_KEY). */
  cvEncryptionKey?: Buffer | undefined;
  cvRetentionDays?: number | undefined;
}

/** A part of the demo set; each part loads itself only when its tables are empty. */
export interface DemoSeeder {
  name: string;
  isLoaded(db: Kysely<Database>): Promise<boolean>;
  load(db: Kysely<Database>, options: DemoOptions, report: ProgressReporter): Promise<void>;
}

/** Seeders in dependency order; feature modules add theirs here. */
export const demoSeeders: DemoSeeder[] = [
  companiesDemoSeeder,
  algoDemoSeeder,
  offersDemoSeeder,
  cfaDemoSeeder,
  membershipsDemoSeeder,
  applicationsDemoSeeder,
];

/** Loads the visibly fictional demo set into the parts of an empty database that need it. */
export async function loadDemoData(
  db: Kysely<Database>,
  options: DemoOptions,
  report: ProgressReporter,
): Promise<void> {
  for (const seeder of demoSeeders) {
    if (await seeder.isLoaded(db)) continue;
    report(`Jeu de démonstration : ${seeder.name}…`);
    await seeder.load(db, options, report);
  }
}
