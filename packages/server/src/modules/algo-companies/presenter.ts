import {
  type adminCompanySchema,
  type algoRunDetailSchema,
  type algoRunSchema,
  type delistingRequestCardSchema,
  delistingStatusLabels,
  type listingRequestCardSchema,
  listingStatusLabels,
  type publicationSchema,
  type RecruitingCompany,
  type topSharesSchema,
} from "@tremplin/core";
import type { z } from "zod";
import type { AlgoDelistingRequestsTable } from "../../db/tables/algo.js";
import type { getAdminCompany, getRecruitingCompany } from "./company-service.js";
import { displayName } from "./context.js";
import type { findOutcome } from "./outcomes-repository.js";
import type { PublicationResult } from "./publication-service.js";
import type { ListingRequestRow } from "./requests-repository.js";
import type * as runs from "./runs-repository.js";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The public card: names and facts, jobs with score and explanation; never a contact. */
export function presentRecruitingCompany({
  card,
  rows,
  openOffers,
}: Awaited<ReturnType<typeof getRecruitingCompany>>): RecruitingCompany {
  const first = rows[0] as (typeof rows)[number];
  return {
    siret: card.siret,
    name: displayName(card),
    nafCode: card.naf_code,
    nafLabel: card.naf_label,
    city: card.city,
    postalCode: card.postal_code,
    position: { lat: first.lat, lon: first.lon },
    score: Math.round(first.company_score),
    jobs: rows.map((r) => ({
      romeCode: r.rome_code,
      romeLabel: r.rome_label,
      score: Math.round(r.score),
      explanation: r.explanation,
      declared: r.source !== "algorithm",
    })),
    openOffers,
    asOf: first.as_of,
  };
}

export function presentAdminCompany(
  c: Awaited<ReturnType<typeof getAdminCompany>>,
): z.output<typeof adminCompanySchema> {
  const o = c.override;
  return {
    siret: c.card.siret,
    name: displayName(c.card),
    nafLabel: c.card.naf_label,
    city: c.card.city,
    exposed: c.rows.length > 0 && !c.delisting,
    score: c.score,
    delisting: c.delisting
      ? { reason: c.delisting.reason, origin: c.delisting.origin, at: c.delisting.created_at.toISOString() }
      : null,
    listed: o?.listed ?? false,
    boost: o?.boost ?? 0,
    contact:
      o?.contact_email && o.contact_first_name && o.contact_last_name && o.contact_phone
        ? {
            firstName: o.contact_first_name,
            lastName: o.contact_last_name,
            email: o.contact_email,
            phone: o.contact_phone,
          }
        : null,
    jobs: c.rows.map((r) => ({
      romeCode: r.rome_code,
      romeLabel: r.rome_label,
      score: Math.round(r.score),
      explanation: r.explanation,
      declared: r.source !== "algorithm",
      source: r.source,
    })),
    overrides: c.romes.map((r) => ({ romeCode: r.rome_code, romeLabel: r.rome_label, action: r.action })),
    history: c.history.map((h) => ({
      actor: h.actor,
      action: h.action,
      details: h.details,
      at: h.created_at.toISOString(),
    })),
  };
}

export function presentDelistingRequest(
  r: Omit<AlgoDelistingRequestsTable, "id"> & { id: string },
): z.output<typeof delistingRequestCardSchema> {
  return {
    id: r.id,
    siret: r.siret,
    companyName: r.company_name,
    email: r.email,
    reason: r.reason,
    status: r.status,
    statusLabel: delistingStatusLabels[r.status],
    createdAt: r.created_at.toISOString(),
    decidedAt: iso(r.decided_at),
    decidedBy: r.decided_by,
    decisionReason: r.decision_reason,
  };
}

export function presentListingRequest(
  r: ListingRequestRow,
  labels: Map<string, string>,
): z.output<typeof listingRequestCardSchema> {
  return {
    id: r.id,
    siret: r.siret,
    companyName: r.company_name,
    opco: r.opco_id && r.opco_name ? { id: r.opco_id, name: r.opco_name } : null,
    contact: {
      firstName: r.contact_first_name,
      lastName: r.contact_last_name,
      email: r.contact_email,
      phone: r.contact_phone,
    },
    romes: r.rome_codes.map((code) => ({ code, label: labels.get(code) ?? code })),
    message: r.message,
    status: r.status,
    statusLabel: listingStatusLabels[r.status],
    createdAt: r.created_at.toISOString(),
    decidedAt: iso(r.decided_at),
    decidedBy: r.decided_by,
    decisionReason: r.decision_reason,
  };
}

type RunRow = Awaited<ReturnType<typeof runs.listRuns>>[number];

export function presentRun(r: RunRow, active: number | null, previous: number | null): z.output<typeof algoRunSchema> {
  const summary = (r.summary ?? {}) as { exposed?: { companies?: number } };
  return {
    id: String(r.id),
    kind: r.kind,
    status: r.status,
    trigger: r.trigger,
    asOf: r.as_of,
    startedAt: r.started_at.toISOString(),
    finishedAt: iso(r.finished_at),
    firstPublishedAt: iso(r.first_published_at),
    active: r.id === active,
    previous: r.id === previous,
    hasReport: r.has_report,
    exposedCompanies: summary.exposed?.companies ?? null,
    error: r.error,
  };
}

export function presentRunDetail(
  run: NonNullable<Awaited<ReturnType<typeof runs.findRun>>>,
  active: number | null,
  previous: number | null,
  outcome: OutcomeRow | null = null,
): z.output<typeof algoRunDetailSchema> {
  const hasReport = run.report_md !== null;
  const base = `/api/v1/admin/algo/runs/${run.id}`;
  // Reports written before the measure existed have no `topShares`.
  const report = (run.report_json ?? null) as { topShares?: z.output<typeof topSharesSchema> } | null;
  return {
    ...presentRun({ ...run, has_report: hasReport }, active, previous),
    summary: (run.summary ?? {}) as Record<string, unknown>,
    report: run.report_json ?? null,
    reportMarkdownUrl: hasReport ? `${base}/report.md` : null,
    reportSvgUrl: run.report_svg ? `${base}/report.svg` : null,
    backtestShares: report?.topShares ? sharesOnly(report.topShares) : null,
    outcome: outcome
      ? {
          windowStart: outcome.window_start,
          windowEnd: outcome.window_end,
          months: outcome.months,
          establishments: outcome.establishments,
          hires: outcome.hires,
          unscoredHires: outcome.unscored_hires,
          predicted: outcome.predicted,
          measuredAt: outcome.measured_at.toISOString(),
          shares: sharesOnly(outcome.report as z.output<typeof topSharesSchema>),
        }
      : null,
  };
}

type OutcomeRow = NonNullable<Awaited<ReturnType<typeof findOutcome>>>;

/** The table's own fields (the backtest's adds a line per model, which the page does not show). */
function sharesOnly(t: z.output<typeof topSharesSchema>): z.output<typeof topSharesSchema> {
  return {
    steps: t.steps,
    establishments: t.establishments,
    hires: t.hires,
    overall: t.overall,
    regions: t.regions,
    sections: t.sections,
  };
}

export function presentPublication(p: PublicationResult): z.output<typeof publicationSchema> {
  return {
    activeRunId: String(p.activeRunId),
    previousRunId: p.previousRunId === null ? null : String(p.previousRunId),
    companies: p.companies,
    pairs: p.pairs,
  };
}
