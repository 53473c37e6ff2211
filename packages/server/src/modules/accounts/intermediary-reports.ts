import { emailDomain, type IntermediaryReport, isPublicMailboxDomain } from "@tremplin/core";
import { AppError } from "../../http/app-error.js";
import type { Db } from "./repository.js";

/**
 * « Ce n'est pas nous »: the company contact of an offer posted on its behalf removed it from the
 * emailed link. The intermediary goes to the admin queue, flagged when the "company contact" is at
 * the intermediary's own email domain (the known pattern of invented partner companies).
 * Called by the offers module inside the transaction that cancels the offer; once per offer.
 */
export async function reportIntermediary(
  db: Db,
  report: { offerId: string; intermediaryUserId: string; companyContactEmail: string; now: Date },
): Promise<void> {
  const intermediary = await db
    .selectFrom("users")
    .select("email")
    .where("id", "=", report.intermediaryUserId)
    .executeTakeFirst();
  if (!intermediary) return;
  const domain = emailDomain(intermediary.email);
  const sameDomain =
    domain !== "" && !isPublicMailboxDomain(domain) && domain === emailDomain(report.companyContactEmail);
  await db
    .insertInto("intermediary_reports")
    .values({
      offer_id: report.offerId,
      intermediary_user_id: report.intermediaryUserId,
      intermediary_email: intermediary.email,
      company_contact_email: report.companyContactEmail.toLowerCase(),
      same_domain: sameDomain,
      created_at: report.now,
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

type Row = Awaited<ReturnType<ReturnType<typeof reports>["execute"]>>[number];

function present(r: Row): IntermediaryReport {
  return {
    id: r.id,
    offer: { id: r.offer_id, title: r.title, companyName: r.company_name, siret: r.siret },
    intermediary: {
      email: r.intermediary_email,
      name: r.first_name ? `${r.first_name} ${r.last_name} (${r.intermediary_name ?? "intermédiaire"})` : null,
    },
    companyContactEmail: r.company_contact_email,
    sameDomain: r.same_domain,
    status: r.status,
    createdAt: new Date(r.created_at).toISOString(),
    decidedBy: r.decided_by,
    decisionReason: r.decision_reason,
  };
}

/** The admin queue: flagged (same domain) first, then oldest first. */
export async function listIntermediaryReports(db: Db, status: "open" | "all"): Promise<IntermediaryReport[]> {
  let query = reports(db);
  if (status === "open") query = query.where("r.status", "=", "open");
  const rows = await query.orderBy("r.same_domain", "desc").orderBy("r.created_at").limit(500).execute();
  return rows.map(present);
}

export async function decideIntermediaryReport(
  db: Db,
  id: string,
  decision: { decision: "clear" | "confirm"; reason: string },
  actor: string,
  now: Date,
): Promise<IntermediaryReport> {
  const updated = await db
    .updateTable("intermediary_reports")
    .set({
      status: decision.decision === "clear" ? "cleared" : "confirmed",
      decided_by: actor,
      decision_reason: decision.reason,
      decided_at: now,
    })
    .where("id", "=", id)
    .where("status", "=", "open")
    .returning("id")
    .executeTakeFirst();
  const row = await reports(db).where("r.id", "=", id).executeTakeFirst();
  if (!row) throw new AppError("INTERMEDIARY_REPORT_NOT_FOUND");
  if (!updated) throw new AppError("MEMBERSHIP_ALREADY_DECIDED", { message: "Ce signalement a déjà été traité." });
  return present(row);
}
