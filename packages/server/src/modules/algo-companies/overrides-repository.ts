import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { establishmentCardQuery } from "./search-repository.js";

export type Db = Kysely<Database>;

export interface OverrideChange {
  listed?: boolean;
  boost?: number;
  /** undefined: unchanged; null: erased. */
  contact?: { firstName: string; lastName: string; email: string; phone: string } | null;
}

/** Creates or updates a company's override row (only the fields given change). */
export async function upsertOverride(
  db: Db,
  siret: string,
  change: OverrideChange,
  by: string,
  now: Date,
): Promise<void> {
  const contact =
    change.contact === undefined
      ? {}
      : {
          contact_first_name: change.contact?.firstName ?? null,
          contact_last_name: change.contact?.lastName ?? null,
          contact_email: change.contact?.email ?? null,
          contact_phone: change.contact?.phone ?? null,
        };
  const set = {
    ...(change.listed !== undefined ? { listed: change.listed } : {}),
    ...(change.boost !== undefined ? { boost: change.boost } : {}),
    ...contact,
    updated_at: now,
    updated_by: by,
  };
  await db
    .insertInto("algo_company_overrides")
    .values({ siret, ...set })
    .onConflict((oc) => oc.column("siret").doUpdateSet(set))
    .execute();
}

export async function setOverrideRomes(
  db: Db,
  siret: string,
  romes: { code: string; label: string }[],
  action: "add" | "remove",
): Promise<void> {
  if (romes.length === 0) return;
  await db
    .insertInto("algo_override_romes")
    .values(romes.map((r) => ({ siret, rome_code: r.code, rome_label: r.label, action })))
    .onConflict((oc) => oc.columns(["siret", "rome_code"]).doUpdateSet((eb) => ({ action: eb.ref("excluded.action") })))
    .execute();
}

export async function deleteOverrideRomes(db: Db, siret: string, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  await db.deleteFrom("algo_override_romes").where("siret", "=", siret).where("rome_code", "in", codes).execute();
}

export async function findOverride(db: Db, siret: string) {
  return db.selectFrom("algo_company_overrides").selectAll().where("siret", "=", siret).executeTakeFirst();
}

export async function findOverrideRomes(db: Db, siret: string) {
  return db
    .selectFrom("algo_override_romes")
    .select(["rome_code", "rome_label", "action"])
    .where("siret", "=", siret)
    .orderBy("rome_code")
    .execute();
}

/** The company's rows in the published run (empty when it is not exposed). */
export async function findPublishedRows(db: Db, siret: string) {
  return db
    .selectFrom("algo_exposed as x")
    .innerJoin("algo_publication as p", "p.active_run_id", "x.run_id")
    .innerJoin("algo_runs as r", "r.id", "x.run_id")
    .select([
      "x.rome_code",
      "x.rome_label",
      "x.score",
      "x.company_score",
      "x.explanation",
      "x.source",
      "x.lat",
      "x.lon",
      "r.as_of",
    ])
    .where("x.siret", "=", siret)
    .where("x.hidden", "=", false)
    .orderBy("x.score", "desc")
    .execute();
}

export async function findPublishedScore(db: Db, siret: string) {
  const row = await db
    .selectFrom("algo_scores as s")
    .innerJoin("algo_publication as p", "p.active_run_id", "s.run_id")
    .select("s.score")
    .where("s.siret", "=", siret)
    .executeTakeFirst();
  return row?.score ?? null;
}

export async function findCompanyEvents(db: Db, siret: string) {
  return db
    .selectFrom("algo_company_events")
    .select(["actor", "action", "details", "created_at"])
    .where("siret", "=", siret)
    .orderBy("id")
    .execute();
}

/** Directory facts of the card (name, activity, town); undefined when the SIRET is unknown. */
export async function findEstablishmentCard(db: Db, siret: string) {
  return establishmentCardQuery(db).where("e.siret", "=", siret).executeTakeFirst();
}
