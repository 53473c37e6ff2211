import { type Insertable, type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { AbuseReportsTable } from "../../db/tables/applications.js";

export type Db = Kysely<Database>;

export async function insertReport(db: Db, row: Insertable<AbuseReportsTable>) {
  return db.insertInto("abuse_reports").values(row).returning("id").executeTakeFirstOrThrow();
}

export async function establishmentExists(db: Db, siret: string): Promise<boolean> {
  const row = await db.selectFrom("establishments").select("siret").where("siret", "=", siret).executeTakeFirst();
  return row !== undefined;
}

/** Reports with what the admin needs to judge: the offer or company, and how often it was reported. */
function reportsWithTarget(db: Db) {
  return db
    .selectFrom("abuse_reports as r")
    .leftJoin("offers as o", "o.id", "r.offer_id")
    .leftJoin("establishments as e", "e.siret", "r.siret")
    .selectAll("r")
    .select([
      "o.title as offer_title",
      "o.status as offer_status",
      sql<string | null>`coalesce(o.company_name, e.brand, e.name)`.as("company_name"),
      sql<number>`(select count(*)::int from abuse_reports s where s.target_kind = r.target_kind and s.siret = r.siret
        and s.offer_id is not distinct from r.offer_id)`.as("reports_on_target"),
    ]);
}
export type ReportRow = Awaited<ReturnType<typeof findReport>> & object;

export async function listReports(db: Db, status: string, limit: number) {
  return reportsWithTarget(db)
    .where("r.status", "=", status as never)
    .orderBy("r.created_at")
    .limit(limit)
    .execute();
}

export async function findReport(db: Db, id: string) {
  return reportsWithTarget(db).where("r.id", "=", id).executeTakeFirst();
}

export async function lockReport(db: Db, id: string) {
  return db.selectFrom("abuse_reports").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Decides every open report of the same target at once (one decision per offer or company). */
export async function decideOpenReportsOfTarget(
  db: Db,
  target: { kind: "offer" | "company"; offerId: string | null; siret: string },
  decision: { status: "unpublished" | "dismissed"; by: string; at: Date; note: string | null },
) {
  let query = db
    .updateTable("abuse_reports")
    .set({ status: decision.status, decided_by: decision.by, decided_at: decision.at, decision_note: decision.note })
    .where("status", "=", "open")
    .where("target_kind", "=", target.kind)
    .where("siret", "=", target.siret);
  if (target.offerId) query = query.where("offer_id", "=", target.offerId);
  await query.execute();
}
