import type { listingRequestSchema, requestReceivedSchema } from "@tremplin/core";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { checkSiret, resolveEstablishment } from "../companies/service.js";
import { type AlgoActor, type AlgoCompaniesDeps, displayName } from "./context.js";
import { requestReceivedMessage } from "./delisting-service.js";
import * as overrides from "./overrides-repository.js";
import { refreshPublishedCompanies } from "./publication-service.js";
import * as repo from "./requests-repository.js";
import { algoReference } from "./scoring-service.js";
import { classicRomeCodes } from "./search-repository.js";

/**
 * Classic ROME codes and labels for the codes given (ROME 4 fiches map to their parent);
 * ALGO_JOB_UNKNOWN when one of them is not in the referential.
 */
export async function resolveJobs(db: repo.Db, codes: string[]): Promise<{ code: string; label: string }[]> {
  const reference = await algoReference();
  const out = new Map<string, string>();
  for (const code of new Set(codes)) {
    const [classic] = await classicRomeCodes(db, [code]);
    const index = classic === undefined ? undefined : reference.romes.index.get(classic);
    if (classic === undefined || index === undefined)
      throw new AppError("ALGO_JOB_UNKNOWN", {
        message: `Le métier ${code} n'existe pas dans le référentiel ROME : choisissez-le dans la liste proposée.`,
        details: { code },
      });
    out.set(classic, reference.romes.labels[index] ?? classic);
  }
  return [...out].map(([code, label]) => ({ code, label }));
}

/**
 * Records a "list my company" request for the admin queue and the company's OPCO, after checking
 * that the establishment can be shown at all (open, diffusible, not a training organisation).
 */
export async function requestListing(
  deps: AlgoCompaniesDeps,
  siretInput: string,
  body: z.output<typeof listingRequestSchema>,
): Promise<z.output<typeof requestReceivedSchema>> {
  const siret = checkSiret(siretInput);
  const e = await resolveEstablishment(deps.companies, siret);
  if (!e) throw new AppError("SIRET_UNKNOWN");
  if (e.diffusion !== "O") {
    // A listing shows the company to everyone: a company hidden at INSEE cannot be listed.
    throw new AppError("SIRET_NOT_DIFFUSIBLE", {
      message:
        "Les informations de cet établissement ne sont pas diffusables (son responsable s'y est opposé auprès de l'INSEE) : il ne peut pas figurer dans la liste des entreprises qui recrutent.",
    });
  }
  if (e.adminState === "F") throw new AppError("SIRET_CLOSED");
  if (e.trainingOrganisation) throw new AppError("ALGO_TRAINING_ORGANISATION");
  const jobs = await resolveJobs(deps.db, body.romes);
  const companyName = displayName(e);
  const id = await deps.db.transaction().execute(async (trx) => {
    const requestId = await repo.insertListingRequest(trx, {
      siret,
      companyName,
      opcoId: e.opcoId,
      contact: body.contact,
      romes: jobs.map((j) => j.code),
      message: body.message ?? null,
      now: deps.clock.now(),
    });
    await deps.mailer.enqueue(trx, {
      to: body.contact.email,
      template: "algoRequestReceived",
      data: { kind: "listing", companyName, siret, firstName: body.contact.firstName },
    });
    return requestId;
  });
  deps.mailer.kick();
  return { id, status: "received", message: requestReceivedMessage };
}

export async function listListingRequests(
  deps: AlgoCompaniesDeps,
  query: { status: "open" | "all"; limit: number },
  actor: AlgoActor,
) {
  return repo.listListingRequests(deps.db, {
    open: query.status === "open",
    limit: query.limit,
    ...(actor.opcoId ? { opcoId: actor.opcoId } : {}),
  });
}

/**
 * Accepting makes the company exposed for the jobs asked, at once (published runs) and at every
 * later run (an opt-in override); a removal it had asked before is lifted. Refusing tells why.
 * OPCO advisers decide only for their OPCO's companies (others answer 404).
 */
export async function decideListingRequest(
  deps: AlgoCompaniesDeps,
  id: string,
  decision: { accept: true } | { accept: false; reason: string },
  actor: AlgoActor,
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const request = await repo.findListingRequest(trx, id, actor.opcoId ?? undefined, true);
    if (!request) throw new AppError("ALGO_REQUEST_NOT_FOUND");
    if (request.status !== "pending") throw new AppError("ALGO_REQUEST_ALREADY_DECIDED");
    const companyName = request.company_name ?? "l'entreprise";
    const firstName = request.contact_first_name;
    if (decision.accept) {
      const jobs = await resolveJobs(trx, request.rome_codes);
      const contact = {
        firstName,
        lastName: request.contact_last_name,
        email: request.contact_email,
        phone: request.contact_phone,
      };
      await overrides.upsertOverride(trx, request.siret, { listed: true, contact }, actor.label, now);
      await overrides.setOverrideRomes(trx, request.siret, jobs, "add");
      await repo.deleteDelisting(trx, request.siret);
      await repo.logCompanyEvent(trx, {
        siret: request.siret,
        actor: actor.label,
        action: "listed",
        details: { requestId: id, romes: jobs.map((j) => j.code) },
        now,
      });
      await refreshPublishedCompanies(trx, [request.siret]);
      await repo.decideListingRequest(trx, id, { status: "accepted", by: actor.label, reason: null, now });
      await deps.mailer.enqueue(trx, {
        to: request.contact_email,
        template: "algoListingAccepted",
        data: { firstName, companyName, siret: request.siret, jobs: jobs.map((j) => j.label) },
        dedupeKey: `algo-listing-accepted:${id}`,
      });
    } else {
      await repo.decideListingRequest(trx, id, { status: "refused", by: actor.label, reason: decision.reason, now });
      await deps.mailer.enqueue(trx, {
        to: request.contact_email,
        template: "algoListingRefused",
        data: { firstName, companyName, siret: request.siret, reason: decision.reason },
        dedupeKey: `algo-listing-refused:${id}`,
      });
    }
  });
  deps.mailer.kick();
  return (await repo.findListingRequest(deps.db, id)) as repo.ListingRequestRow;
}
