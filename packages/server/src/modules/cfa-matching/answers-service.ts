import {
  type CfaAnswerInput,
  type CfaInbox,
  type CfaInboxItem,
  type CfaLinkRequest,
  compactIdentifier,
  stripHtml,
} from "@tremplin/core";
import { AppError } from "../../lib/app-error.js";
import { requireVerifiedMembership, requireVerifiedOrganisations } from "../accounts/verification-service.js";
import type { OfferRow } from "../offers/presenter.js";
import { findOffer } from "../offers/shared-service.js";
import * as catalogue from "./catalogue-repository.js";
import { type CfaDeps, requestOfToken, siretOfOptOutToken } from "./context.js";
import { emailAnswer } from "./notifications.js";
import { answerable, organisationName, presentAnswerState, presentInboxItem, presentOfferForCfa } from "./presenter.js";
import * as requests from "./requests-repository.js";

async function requestWithOffer(deps: CfaDeps, requestId: string) {
  const request = await requests.findRequest(deps.db, requestId);
  // Held or cancelled requests were never sent: nobody can hold a link to them.
  if (request?.status !== "sent") throw new AppError("CFA_REQUEST_NOT_FOUND");
  const offer = (await findOffer(deps.db, request.offer_id)) as OfferRow;
  return { request, offer };
}

function requestIdOf(deps: CfaDeps, token: string): string {
  const id = requestOfToken(deps, token);
  if (!id) throw new AppError("CFA_LINK_INVALID");
  return id;
}

/** What the one-click page shows: the need, never the recruiter's address (ADR 006). Changes nothing. */
export async function readRequestLink(deps: CfaDeps, token: string): Promise<CfaLinkRequest> {
  const { request, offer } = await requestWithOffer(deps, requestIdOf(deps, token));
  return {
    requestId: request.id,
    cfa: {
      siret: request.cfa_siret,
      name: organisationName({ name: request.cfa_name, siret: request.cfa_siret }, request.cfa_siret),
    },
    offer: presentOfferForCfa(offer, deps.config.publicUrl),
    ...presentAnswerState(request, offer),
  };
}

const answerMessages = {
  candidates:
    "Merci ! {company} est prévenue que vous avez des candidats : ses coordonnées sont dans l'e-mail de demande.",
  no_candidate: "C'est noté : {company} est prévenue que vous n'avez pas de candidat pour le moment.",
  again: "Votre réponse était déjà enregistrée : {company} en a été prévenue.",
};

/**
 * Records a CFA's answer and tells the recruiter. Answering the same thing again changes nothing;
 * a changed answer (or message) is saved, and a changed answer is told. Refused once the offer is
 * filled or cancelled.
 */
async function answer(
  deps: CfaDeps,
  requestId: string,
  input: CfaAnswerInput,
  via: "link" | "space",
): Promise<{ applied: boolean; message: string }> {
  const message = input.message ? stripHtml(input.message).trim() || null : null;
  const result = await deps.db.transaction().execute(async (trx) => {
    const locked = await requests.findRequestForUpdate(trx, requestId);
    const offer = locked ? await findOffer(trx, locked.offer_id) : undefined;
    if (!locked || !offer || locked.status !== "sent") throw new AppError("CFA_REQUEST_NOT_FOUND");
    if (!answerable(offer)) throw new AppError("CFA_REQUEST_CLOSED");
    const text = (key: keyof typeof answerMessages) => answerMessages[key].split("{company}").join(offer.company_name);
    if (locked.answer === input.answer && locked.answer_message === message)
      return { applied: false, message: text("again") };
    await requests.saveAnswer(trx, requestId, { answer: input.answer, message, via, at: deps.clock.now() });
    const request = (await requests.findRequest(trx, requestId)) as requests.RequestRow;
    await emailAnswer(deps, trx, offer, request, { answer: input.answer, message });
    return { applied: true, message: text(input.answer) };
  });
  deps.mailer.kick();
  return result;
}

export async function answerFromLink(deps: CfaDeps, token: string, input: CfaAnswerInput) {
  const requestId = requestIdOf(deps, token);
  const outcome = await answer(deps, requestId, input, "link");
  return { requestId, answer: input.answer, ...outcome };
}

/** Stops (or resumes) the requests to an organisation, from the link in its emails: immediate. */
export async function setOptOutFromLink(deps: CfaDeps, token: string, optOut: boolean) {
  const siret = siretOfOptOutToken(deps, token);
  const org = siret ? await catalogue.findOrganisation(deps.db, siret) : undefined;
  if (!siret || !org) throw new AppError("CFA_LINK_INVALID");
  const applied = await catalogue.setOptOut(deps.db, siret, optOut ? deps.clock.now() : null);
  const name = organisationName(org, siret);
  return {
    siret,
    name,
    acceptsRequests: !optOut,
    applied,
    message: optOut
      ? `${name} ne recevra plus de demandes d'entreprises par Tremplin, et n'est plus proposé aux entreprises. Vous pouvez revenir sur ce choix depuis ce même lien.`
      : `${name} recevra de nouveau les demandes des entreprises proches qui recrutent dans ses métiers.`,
  };
}

/**
 * A CFA's space: the requests sent to the SIRETs the person is a verified member of, and their
 * opt-out state. CFA accounts but none verified → 403 ORGANISATION_NOT_VERIFIED (ADR 009).
 */
export async function cfaInbox(deps: CfaDeps, userId: string): Promise<CfaInbox> {
  const accounts = await requireVerifiedOrganisations(deps.db, userId, "cfa");
  const sirets = accounts.map((a) => a.siret);
  const [orgs, sent] = await Promise.all([
    catalogue.findOrganisations(deps.db, sirets),
    requests.listSentRequestsOfCfas(deps.db, sirets, 200),
  ]);
  const offers = new Map(
    (await requests.findOffersByIds(deps.db, [...new Set(sent.map((r) => r.offer_id))])).map((o) => [o.id, o]),
  );
  const orgBySiret = new Map(orgs.map((o) => [o.siret, o]));
  return {
    organisations: accounts.map((a) => {
      const org = orgBySiret.get(a.siret);
      return {
        siret: a.siret,
        name: org?.name ?? a.company_name,
        inCatalogue: org !== undefined,
        acceptsRequests: org !== undefined && org.requests_opted_out_at === null,
      };
    }),
    items: sent.flatMap((r) => {
      const offer = offers.get(r.offer_id);
      return offer ? [presentInboxItem(r, offer, deps.config.publicUrl)] : [];
    }),
  };
}

export async function answerFromSpace(
  deps: CfaDeps,
  userId: string,
  requestId: string,
  input: CfaAnswerInput,
): Promise<CfaInboxItem> {
  const { request } = await requestWithOffer(deps, requestId);
  await requireVerifiedMembership(
    deps.db,
    userId,
    request.cfa_siret,
    "cfa",
    () => new AppError("CFA_REQUEST_NOT_FOUND"),
  );
  await answer(deps, requestId, input, "space");
  const { request: after, offer } = await requestWithOffer(deps, requestId);
  return presentInboxItem(after, offer, deps.config.publicUrl);
}

export async function setPreferences(deps: CfaDeps, userId: string, rawSiret: string, acceptsRequests: boolean) {
  const siret = compactIdentifier(rawSiret);
  // Not yours rather than forbidden when there is no account: whose SIRET it is stays private. An
  // unverified account gets 403 ORGANISATION_NOT_VERIFIED: anyone can sign up on a CFA's SIRET.
  const account = await requireVerifiedMembership(
    deps.db,
    userId,
    siret,
    "cfa",
    () => new AppError("CFA_ORGANISATION_NOT_YOURS"),
  );
  const org = await catalogue.findOrganisation(deps.db, siret);
  if (!org) throw new AppError("CFA_NOT_IN_CATALOGUE");
  await catalogue.setOptOut(deps.db, siret, acceptsRequests ? null : deps.clock.now());
  return { siret, name: org.name ?? account.company_name, inCatalogue: true, acceptsRequests };
}
