import { trainingOrganisationNafCodes } from "@tremplin/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";

export type Db = Kysely<Database>;

/**
 * Ranking score of a job a company declared itself (listing or admin): it said it takes
 * apprentices, so it ranks at least as "one chance in two", whatever the model predicted.
 */
export const DECLARED_JOB_SCORE = 50;

/** The publication pointer, locked until the end of the transaction (one publisher at a time). */
export async function lockPublication(db: Db) {
  const row = await sql<{ active_run_id: number | null; previous_run_id: number | null }>`
    select active_run_id, previous_run_id from algo_publication where id for update
  `.execute(db);
  return row.rows[0] ?? { active_run_id: null, previous_run_id: null };
}

export async function readPublication(db: Db) {
  return db
    .selectFrom("algo_publication")
    .select(["active_run_id", "previous_run_id", "changed_at", "changed_by"])
    .executeTakeFirst();
}

/** The one statement that changes what the public sees. */
export async function setPublication(
  db: Db,
  pointer: { active: number; previous: number | null; actor: string; now: Date },
): Promise<void> {
  await db
    .updateTable("algo_publication")
    .set({
      active_run_id: pointer.active,
      previous_run_id: pointer.previous,
      changed_at: pointer.now,
      changed_by: pointer.actor,
    })
    .where("id", "=", true)
    .execute();
}

export async function recordPublicationEvent(
  db: Db,
  event: { action: "publish" | "rollback"; runId: number; replaced: number | null; actor: string; now: Date },
): Promise<void> {
  await db
    .insertInto("algo_publication_events")
    .values({
      action: event.action,
      run_id: event.runId,
      replaced_run_id: event.replaced,
      actor: event.actor,
      created_at: event.now,
    })
    .execute();
  await db
    .updateTable("algo_runs")
    .set({ first_published_at: event.now })
    .where("id", "=", event.runId)
    .where("first_published_at", "is", null)
    .execute();
}

export async function hasRunRows(db: Db, runId: number): Promise<boolean> {
  const row = await db
    .selectFrom("algo_scores")
    .select("run_id")
    .where("run_id", "=", runId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Brings a run's exposed set in line with the overrides and opt-outs recorded since it was
 * computed (or since the last edit): jobs added by a listing or the admin are (re)inserted where the
 * algorithm did not already expose them, boosts copied, removed jobs hidden (an admin may give them
 * back), delisted companies dropped.
 * Idempotent; restricted to some SIRETs when `sirets` is given (after one company's edit).
 */
export async function materializeOverrides(db: Db, runId: number, sirets?: string[]): Promise<void> {
  const only = (column: string) => (sirets ? sql`and ${sql.ref(column)} = any(${sirets}::text[])` : sql``);
  await sql`
    delete from algo_exposed x where x.run_id = ${runId} and x.source <> 'algorithm' ${only("x.siret")}
  `.execute(db);
  await sql`
    insert into algo_exposed (run_id, siret, rome_code, rome_label, score, company_score, boost, explanation, source, lat, lon,
                              company_name, naf_code, naf_label, city, postal_code)
    select ${runId}::int, r.siret, r.rome_code, r.rome_label,
           greatest(coalesce(s.score, 0), ${DECLARED_JOB_SCORE}::real), coalesce(s.score, 0), o.boost,
           'L''entreprise a fait savoir qu''elle accueille des alternants dans ce métier.',
           case when o.listed then 'listing' else 'admin' end, e.lat, e.lon,
           coalesce(e.brand, e.name), e.naf_code, n.label, e.city, e.postal_code
    from algo_override_romes r
    join algo_company_overrides o on o.siret = r.siret
    join establishments e on e.siret = r.siret
    left join naf_codes n on n.code = e.naf_code
    left join algo_scores s on s.run_id = ${runId} and s.siret = r.siret
    where r.action = 'add' and e.lat is not null and e.lon is not null and e.admin_state = 'A' and e.diffusion = 'O'
      and not (replace(coalesce(e.naf_code, ''), '.', '') = any(${[...trainingOrganisationNafCodes]}::text[]))
      ${only("r.siret")}
    on conflict (run_id, siret, rome_code) do nothing
  `.execute(db);
  await sql`
    update algo_exposed x set boost = o.boost from algo_company_overrides o
    where x.run_id = ${runId} and o.siret = x.siret and x.boost <> o.boost ${only("x.siret")}
  `.execute(db);
  await sql`
    update algo_exposed x set boost = 0
    where x.run_id = ${runId} and x.boost <> 0 ${only("x.siret")}
      and not exists (select 1 from algo_company_overrides o where o.siret = x.siret)
  `.execute(db);
  await sql`
    update algo_exposed x set hidden = false where x.run_id = ${runId} and x.hidden ${only("x.siret")}
  `.execute(db);
  await sql`
    update algo_exposed x set hidden = true from algo_override_romes r
    where x.run_id = ${runId} and r.siret = x.siret and r.rome_code = x.rome_code and r.action = 'remove'
      ${only("x.siret")}
  `.execute(db);
  await sql`
    delete from algo_exposed x using algo_delistings d
    where x.run_id = ${runId} and d.siret = x.siret ${only("x.siret")}
  `.execute(db);
}
