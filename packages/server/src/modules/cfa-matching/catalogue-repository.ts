import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";

export type Db = Kysely<Database>;

export interface Point {
  lat: number;
  lon: number;
}

export async function findOrganisations(db: Db, sirets: readonly string[]) {
  if (sirets.length === 0) return [];
  return db
    .selectFrom("training_organisations")
    .selectAll()
    .where("siret", "in", [...sirets])
    .execute();
}

export async function findOrganisation(db: Db, siret: string) {
  return db.selectFrom("training_organisations").selectAll().where("siret", "=", siret).executeTakeFirst();
}

/** Opts an organisation out (now) or back in (null); returns whether it changed. */
export async function setOptOut(db: Db, siret: string, optedOutAt: Date | null): Promise<boolean> {
  const result = await db
    .updateTable("training_organisations")
    .set({ requests_opted_out_at: optedOutAt })
    .where("siret", "=", siret)
    .where("requests_opted_out_at", optedOutAt ? "is" : "is not", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The ROME 4.0 fiche of an offer's job, with its classic parent and its domain. */
export async function findFiche(db: Db, romeCode: string) {
  return db
    .selectFrom("rome_fiches")
    .select(["rome_code", "label", "parent_rome_code", "domain_code"])
    .where("rome_code", "=", romeCode)
    .executeTakeFirst();
}

/** Classic parents of the given codes (codes that are not ROME 4.0 fiches have none). */
export async function findParents(db: Db, romeCodes: readonly string[]) {
  if (romeCodes.length === 0) return [];
  return db
    .selectFrom("rome_fiches")
    .select(["rome_code", "parent_rome_code"])
    .where("rome_code", "in", [...romeCodes])
    .execute();
}
