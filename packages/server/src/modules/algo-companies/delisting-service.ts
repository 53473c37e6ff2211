import type { delistingConfirmedSchema, delistingRequestSchema, requestReceivedSchema } from "@tremplin/core";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { hashToken, newToken } from "../accounts/tokens.js";
import { trustedCompanyEmails } from "../accounts/verification-service.js";
import { checkSiret, resolveEstablishment } from "../companies/service.js";
import { type AlgoActor, type AlgoCompaniesDeps, displayName } from "./context.js";
import { refreshPublishedCompanies } from "./publication-service.js";
import * as repo from "./requests-repository.js";

/** How long the confirmation link of a removal works. */
export const DELISTING_LINK_DAYS = 7;

export const requestReceivedMessage =
  "Votre demande est bien enregistrée. Un e-mail vient de vous être envoyé : il explique la suite (un lien de confirmation, ou l'examen de la demande par notre équipe).";

/**
 * Records a removal request. From an address we trust for the company (a verified member, the
 * contact kept by the back office, an OPCO's contact for it), a confirmation link is
 * emailed and the removal takes effect on click; from any other address it goes to the admin
 * queue and the requester is told so. The answer is the same either way (it reveals no contact).
 */
export async function requestDelisting(
  deps: AlgoCompaniesDeps,
  siretInput: string,
  body: z.output<typeof delistingRequestSchema>,
): Promise<z.output<typeof requestReceivedSchema>> {
  const siret = checkSiret(siretInput);
  const establishment = await resolveEstablishment(deps.companies, siret);
  if (!establishment) throw new AppError("SIRET_UNKNOWN");
  if (await repo.findDelisting(deps.db, siret)) throw new AppError("ALGO_ALREADY_DELISTED");
  const companyName = displayName(establishment);
  // Verified members and known company contacts only (ADR 009): an account merely signed up on the
  // SIRET proves nothing, so its request goes to the admin queue and the company stays listed.
  const known = (await trustedCompanyEmails(deps.db, siret)).includes(body.email.toLowerCase());
  const now = deps.clock.now();
  const token = known ? newToken() : null;
  const id = await deps.db.transaction().execute(async (trx) => {
    const requestId = await repo.insertDelistingRequest(trx, {
      siret,
      companyName,
      email: body.email,
      reason: body.reason,
      status: known ? "awaiting_confirmation" : "pending_review",
      tokenHash: token ? hashToken(token) : null,
      tokenExpiresAt: token ? new Date(now.getTime() + DELISTING_LINK_DAYS * 86_400_000) : null,
      now,
    });
    if (token) {
      await deps.mailer.enqueue(trx, {
        to: body.email,
        template: "algoDelistingConfirm",
        data: {
          companyName,
          siret,
          link: `${deps.config.publicUrl}/entreprises/dereferencement/confirmation?jeton=${encodeURIComponent(token)}`,
          expiresInDays: DELISTING_LINK_DAYS,
        },
      });
    } else {
      await deps.mailer.enqueue(trx, {
        to: body.email,
        template: "algoRequestReceived",
        data: { kind: "delisting", companyName, siret, firstName: null },
      });
    }
    return requestId;
  });
  deps.mailer.kick();
  return { id, status: "received", message: requestReceivedMessage };
}

/** Makes a removal permanent and immediate: recorded, then dropped from the runs the public may see. */
async function applyDelisting(
  trx: repo.Db,
  request: { id: string; siret: string; reason: string },
  actor: string,
  now: Date,
): Promise<void> {
  await repo.insertDelisting(trx, {
    siret: request.siret,
    reason: request.reason,
    origin: "company",
    requestId: request.id,
    now,
  });
  await repo.logCompanyEvent(trx, {
    siret: request.siret,
    actor,
    action: "delisted",
    details: { requestId: request.id, reason: request.reason },
    now,
  });
  await refreshPublishedCompanies(trx, [request.siret]);
}

/** The click on the emailed link: applies the removal once (a second click changes nothing). */
export async function confirmDelisting(
  deps: AlgoCompaniesDeps,
  token: string,
): Promise<z.output<typeof delistingConfirmedSchema>> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const request = await repo.lockDelistingRequestByToken(trx, hashToken(token));
    if (!request?.token_expires_at || request.token_expires_at.getTime() < now.getTime())
      throw new AppError("ALGO_DELISTING_LINK_INVALID");
    const companyName = request.company_name ?? "l'entreprise";
    if (request.status === "done") return { siret: request.siret, companyName, applied: false };
    if (request.status !== "awaiting_confirmation") throw new AppError("ALGO_DELISTING_LINK_INVALID");
    await applyDelisting(trx, request, `${request.email} (lien de confirmation)`, now);
    await repo.decideDelistingRequest(trx, request.id, {
      status: "done",
      by: `${request.email} (lien de confirmation)`,
      reason: null,
      now,
    });
    await deps.mailer.enqueue(trx, {
      to: request.email,
      template: "algoDelistingDone",
      data: { companyName, siret: request.siret },
      dedupeKey: `algo-delisting-done:${request.id}`,
    });
    return { siret: request.siret, companyName, applied: true };
  });
  deps.mailer.kick();
  return {
    ...result,
    message: result.applied
      ? `${result.companyName} ne figure plus parmi les entreprises susceptibles de recruter. Un e-mail de confirmation vous a été envoyé.`
      : `Le retrait de ${result.companyName} était déjà confirmé : l'entreprise ne figure plus sur Tremplin.`,
  };
}

/** The admin queue: requests from addresses we could not match, oldest first. */
export async function listDelistingRequests(deps: AlgoCompaniesDeps, query: { status: "open" | "all"; limit: number }) {
  return repo.listDelistingRequests(deps.db, { open: query.status === "open", limit: query.limit });
}

/** An admin's decision on a queued removal request; the requester is told either way. */
export async function decideDelistingRequest(
  deps: AlgoCompaniesDeps,
  id: string,
  decision: { accept: true } | { accept: false; reason: string },
  actor: AlgoActor,
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const request = await repo.lockDelistingRequest(trx, id);
    if (!request) throw new AppError("ALGO_REQUEST_NOT_FOUND");
    if (request.status !== "pending_review") throw new AppError("ALGO_REQUEST_ALREADY_DECIDED");
    const companyName = request.company_name ?? "l'entreprise";
    if (decision.accept) {
      await applyDelisting(trx, request, actor.label, now);
      await repo.decideDelistingRequest(trx, id, { status: "done", by: actor.label, reason: null, now });
      await deps.mailer.enqueue(trx, {
        to: request.email,
        template: "algoDelistingDone",
        data: { companyName, siret: request.siret },
        dedupeKey: `algo-delisting-done:${id}`,
      });
    } else {
      await repo.decideDelistingRequest(trx, id, { status: "refused", by: actor.label, reason: decision.reason, now });
      await deps.mailer.enqueue(trx, {
        to: request.email,
        template: "algoDelistingRefused",
        data: { companyName, siret: request.siret, reason: decision.reason },
        dedupeKey: `algo-delisting-refused:${id}`,
      });
    }
  });
  deps.mailer.kick();
  return (await repo.findDelistingRequest(deps.db, id)) as NonNullable<
    Awaited<ReturnType<typeof repo.findDelistingRequest>>
  >;
}
