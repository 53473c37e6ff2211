import { type AdminReport, type CreateReport, type ReportStatus, reportReasonLabels } from "@tremplin/core";
import { AppError } from "../../lib/app-error.js";
import type { ApplicationsDeps } from "../applications/context.js";
import { closeOffer } from "../offers/lifecycle-service.js";
import { manager } from "../offers/notifications.js";
import * as offers from "../offers/shared-service.js";
import { presentAdminReport } from "./presenter.js";
import * as repo from "./repository.js";

export type ReportsDeps = ApplicationsDeps;

/** Records a report from anyone, for an offer or a company that exists; the admin queue shows it. */
export async function createReport(deps: ReportsDeps, input: CreateReport): Promise<{ id: string; message: string }> {
  let siret: string;
  if (input.offerId) {
    const offer = await offers.findOffer(deps.db, input.offerId);
    if (!offer) throw new AppError("OFFER_NOT_FOUND");
    siret = offer.siret;
  } else {
    siret = input.siret as string;
    if (!(await repo.establishmentExists(deps.db, siret))) throw new AppError("SIRET_UNKNOWN");
  }
  const row = await repo.insertReport(deps.db, {
    target_kind: input.offerId ? "offer" : "company",
    offer_id: input.offerId ?? null,
    siret,
    reason: input.reason,
    message: input.message ?? null,
    created_at: deps.clock.now(),
  });
  return {
    id: row.id,
    message: "Merci : votre signalement a été transmis à l'équipe Tremplin, qui l'examinera rapidement.",
  };
}

/** The admin queue, oldest first. */
export async function listReports(deps: ReportsDeps, status: ReportStatus): Promise<AdminReport[]> {
  return (await repo.listReports(deps.db, status, 500)).map(presentAdminReport);
}

/**
 * Unpublishes the reported target and closes all its open reports. An offer becomes "cancelled"
 * (the offers lifecycle: off search and partner feeds, not extendable; its manager is told why).
 * A company stops receiving spontaneous applications (applications/target.ts reads the decision).
 */
export async function unpublish(deps: ReportsDeps, adminId: string, id: string, note: string | null) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const report = await openReport(trx, id);
    if (report.offer_id) {
      const offer = await offers.lockOffer(trx, report.offer_id);
      if (offer && ["active", "expired", "pending"].includes(offer.status)) {
        await closeOffer(deps, trx, offer.id, "cancel");
        const who = await manager(trx, offer);
        await deps.mailer.enqueue(trx, {
          to: who.email,
          template: "offerUnpublishedAfterReport",
          dedupeKey: `offer-unpublished:${offer.id}`,
          data: {
            firstName: who.firstName,
            title: offer.title,
            companyName: offer.company_name,
            reasonLabel: reportReasonLabels[report.reason],
            note,
          },
        });
      }
    }
    await repo.decideOpenReportsOfTarget(trx, targetOf(report), { status: "unpublished", by: adminId, at: now, note });
  });
  deps.mailer.kick();
  return reportById(deps, id);
}

/** Closes the open reports of the target without acting on it. */
export async function dismiss(deps: ReportsDeps, adminId: string, id: string, note: string | null) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const report = await openReport(trx, id);
    await repo.decideOpenReportsOfTarget(trx, targetOf(report), { status: "dismissed", by: adminId, at: now, note });
  });
  return reportById(deps, id);
}

async function openReport(db: repo.Db, id: string) {
  const report = await repo.lockReport(db, id);
  if (!report) throw new AppError("REPORT_NOT_FOUND");
  if (report.status !== "open") throw new AppError("REPORT_ALREADY_DECIDED");
  return report;
}

const targetOf = (r: { target_kind: "offer" | "company"; offer_id: string | null; siret: string }) => ({
  kind: r.target_kind,
  offerId: r.offer_id,
  siret: r.siret,
});

async function reportById(deps: ReportsDeps, id: string): Promise<AdminReport> {
  const row = await repo.findReport(deps.db, id);
  if (!row) throw new AppError("REPORT_NOT_FOUND");
  return presentAdminReport(row);
}
