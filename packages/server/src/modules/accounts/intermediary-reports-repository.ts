import type { Db } from "./repository.js";

// The intermediary_reports table (« Ce n'est pas nous »), and the admin queue's read model: each
// report with its offer and the intermediary's name (read-only joins on offers and users).

/** Once per offer: a second report of the same offer is ignored. */
export async function insertIntermediaryReport(
  db: Db,
  report: {
    offerId: string;
    intermediaryUserId: string;
    intermediaryEmail: string;
    companyContactEmail: string;
    sameDomain: boolean;
    createdAt: Date;
  },
): Promise<void> {
  await db
    .insertInto("intermediary_reports")
    .values({
      offer_id: report.offerId,
      intermediary_user_id: report.intermediaryUserId,
      intermediary_email: report.intermediaryEmail,
      company_contact_email: report.companyContactEmail,
      same_domain: report.sameDomain,
      created_at: report.createdAt,
    })
    .onConflict((oc) => oc.column("offer_id").doNothing())
    .execute();
}

function reports(db: Db) {
  return db
    .selectFrom("intermediary_reports as r")
    .innerJoin("offers as o", "o.id", "r.offer_id")
    .leftJoin("users as u", "u.id", "r.intermediary_user_id")
    .select([
      "r.id",
      "r.status",
      "r.intermediary_email",
      "r.company_contact_email",
      "r.same_domain",
      "r.created_at",
      "r.decided_by",
      "r.decision_reason",
      "o.id as offer_id",
      "o.title",
      "o.company_name",
      "o.siret",
      "o.intermediary_name",
      "u.first_name",
      "u.last_name",
    ]);
}

export type IntermediaryReportRow = Awaited<ReturnType<ReturnType<typeof reports>["execute"]>>[number];

/** The admin queue: flagged (same domain) first, then oldest first; at most 500. */
export async function listIntermediaryReportRows(db: Db, status: "open" | "all"): Promise<IntermediaryReportRow[]> {
  let query = reports(db);
  if (status === "open") query = query.where("r.status", "=", "open");
  return query.orderBy("r.same_domain", "desc").orderBy("r.created_at").limit(500).execute();
}

export async function findIntermediaryReportRow(db: Db, id: string): Promise<IntermediaryReportRow | undefined> {
  return reports(db).where("r.id", "=", id).executeTakeFirst();
}

/** Decides a report still open; false when it is unknown or already decided. */
export async function decideOpenIntermediaryReport(
  db: Db,
  id: string,
  decision: { status: "cleared" | "confirmed"; decidedBy: string; reason: string; decidedAt: Date },
): Promise<boolean> {
  const updated = await db
    .updateTable("intermediary_reports")
    .set({
      status: decision.status,
      decided_by: decision.decidedBy,
      decision_reason: decision.reason,
      decided_at: decision.decidedAt,
    })
    .where("id", "=", id)
    .where("status", "=", "open")
    .returning("id")
    .executeTakeFirst();
  return updated !== undefined;
}
