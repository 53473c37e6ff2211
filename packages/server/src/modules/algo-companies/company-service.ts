import type { companyOverrideSchema } from "@tremplin/core";
import type { z } from "zod";
import type { AppDeps } from "../../app-deps.js";
import { AppError } from "../../lib/app-error.js";
import { checkSiret } from "../companies/service.js";
import { activeOffersOfSiret } from "../offers/public-service.js";
import type { AlgoActor, AlgoCompaniesDeps } from "./context.js";
import { resolveJobs } from "./listing-service.js";
import * as repo from "./overrides-repository.js";
import { refreshPublishedCompanies } from "./publication-service.js";
import { findDelisting, logCompanyEvent } from "./requests-repository.js";

/**
 * The public card of an exposed company (published run, not delisted), with its offers online;
 * ALGO_COMPANY_NOT_EXPOSED otherwise.
 */
export async function getRecruitingCompany(deps: Pick<AppDeps, "db" | "config">, siretInput: string) {
  const db = deps.db.db;
  const siret = checkSiret(siretInput);
  const [rows, card, delisting] = await Promise.all([
    repo.findPublishedRows(db, siret),
    repo.findEstablishmentCard(db, siret),
    findDelisting(db, siret),
  ]);
  if (rows.length === 0 || !card || delisting || card.diffusion !== "O") throw new AppError("ALGO_COMPANY_NOT_EXPOSED");
  const openOffers = await activeOffersOfSiret({ db, config: deps.config }, siret);
  return { card, rows, openOffers };
}

/** Everything the admin page of a company shows: directory facts, published jobs, overrides, history. */
export async function getAdminCompany(db: repo.Db, siretInput: string) {
  const siret = checkSiret(siretInput);
  const card = await repo.findEstablishmentCard(db, siret);
  if (!card) throw new AppError("SIRET_UNKNOWN");
  const [rows, score, override, romes, delisting, history] = await Promise.all([
    repo.findPublishedRows(db, siret),
    repo.findPublishedScore(db, siret),
    repo.findOverride(db, siret),
    repo.findOverrideRomes(db, siret),
    findDelisting(db, siret),
    repo.findCompanyEvents(db, siret),
  ]);
  return { card, rows, score, override, romes, delisting, history };
}

/**
 * An admin's edit of a company's exposure: contact, boost, jobs added or removed (or given back
 * to the algorithm). Recorded as overrides, so it holds for every later run, and applied at once
 * to the published run (and the previous one, kept for rollback).
 */
export async function updateCompany(
  deps: AlgoCompaniesDeps,
  siretInput: string,
  change: z.output<typeof companyOverrideSchema>,
  actor: AlgoActor,
) {
  const siret = checkSiret(siretInput);
  if (!(await repo.findEstablishmentCard(deps.db, siret))) throw new AppError("SIRET_UNKNOWN");
  const added = await resolveJobs(deps.db, change.addRomes ?? []);
  const removed = await resolveJobs(deps.db, change.removeRomes ?? []);
  const reset = await resolveJobs(deps.db, change.resetRomes ?? []);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.upsertOverride(trx, siret, { boost: change.boost, contact: change.contact }, actor.label, now);
    await repo.setOverrideRomes(trx, siret, added, "add");
    await repo.setOverrideRomes(trx, siret, removed, "remove");
    await repo.deleteOverrideRomes(
      trx,
      siret,
      reset.map((r) => r.code),
    );
    await logCompanyEvent(trx, {
      siret,
      actor: actor.label,
      action: "edited",
      details: {
        ...(change.boost !== undefined ? { boost: change.boost } : {}),
        ...(change.contact !== undefined ? { contact: change.contact ? "modifié" : "effacé" } : {}),
        ...(added.length ? { addRomes: added.map((r) => r.code) } : {}),
        ...(removed.length ? { removeRomes: removed.map((r) => r.code) } : {}),
        ...(reset.length ? { resetRomes: reset.map((r) => r.code) } : {}),
      },
      now,
    });
    await refreshPublishedCompanies(trx, [siret]);
  });
  return getAdminCompany(deps.db, siret);
}
