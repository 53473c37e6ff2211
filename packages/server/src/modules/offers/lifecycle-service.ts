import {
  type AccountStatus,
  canApplyEmailAction,
  expiryFrom,
  type OfferCloseReason,
  type OfferStatus,
  type OwnerOffer,
  type UpdateOffer,
} from "@tremplin/core";
import type { Insertable, Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import type { OffersTable } from "../../db/tables/offers.js";
import { AppError } from "../../lib/app-error.js";
import { findPerson } from "../accounts/people-service.js";
import { verifiedOrganisationsOf } from "../accounts/verification-service.js";
import type { OfferLifecycleDeps } from "./context.js";
import { checkStartDate, cleanFreeText, isGeneratedDescription, jobContent } from "./offer-content.js";
import { presentOwnerOffer } from "./presenter.js";
import { announcePublished } from "./reactions.js";
import * as repo from "./repository.js";

export type { OfferManager } from "./repository.js";

/** The person and the organisations they verifiably speak for: whose offers they share (ADR 009). */
export async function offerManager(db: Kysely<Database>, userId: string): Promise<repo.OfferManager> {
  const [companies, cfas] = await Promise.all([
    verifiedOrganisationsOf(db, userId, "company"),
    verifiedOrganisationsOf(db, userId, "cfa"),
  ]);
  return { userId, companySirets: companies.map((a) => a.siret), cfaSirets: cfas.map((a) => a.siret) };
}

/** The ids of the offers a manager shares, as a subquery for other modules' reads (inbox, CVs). */
export const managedOfferIds = repo.managedOfferIds;

/**
 * The offer if the person manages it (owner, intermediary, or verified member of the organisation
 * whose account posted it); OFFER_NOT_FOUND otherwise, as for an offer that does not exist.
 */
export async function ownedOffer(db: Kysely<Database>, id: string, userId: string) {
  const offer = await repo.findOffer(db, id);
  if (!offer) throw new AppError("OFFER_NOT_FOUND");
  if (offer.owner_user_id === userId || offer.intermediary_user_id === userId) return offer;
  if (offer.account_siret && offer.account_type) {
    const organisations = await verifiedOrganisationsOf(db, userId, offer.account_type);
    if (organisations.some((a) => a.siret === offer.account_siret)) return offer;
  }
  throw new AppError("OFFER_NOT_FOUND");
}

const lifecycleNow = (deps: Pick<OfferLifecycleDeps, "clock" | "config">) => ({
  now: deps.clock.now(),
  ttlDays: deps.config.offerTtlDays,
});

/** « Publiée par … » for each poster of these offers (people come from the accounts module). */
async function postersOf(db: Kysely<Database>, ownerIds: (string | null)[], me: string) {
  const posters = new Map<string, OwnerOffer["postedBy"]>();
  for (const id of new Set(ownerIds)) {
    if (!id) continue;
    const person = await findPerson(db, id);
    posters.set(id, person ? { name: `${person.first_name} ${person.last_name}`.trim(), isMe: id === me } : null);
  }
  return (ownerId: string | null) => (ownerId ? (posters.get(ownerId) ?? null) : null);
}

/** The owner's view of an offer. Reads only: the applications' inbox calls it with its own deps. */
export async function getOwnerOffer(
  deps: Pick<OfferLifecycleDeps, "db" | "clock" | "config">,
  id: string,
  userId: string,
): Promise<OwnerOffer> {
  const offer = await ownedOffer(deps.db, id, userId);
  const poster = await postersOf(deps.db, [offer.owner_user_id], userId);
  return presentOwnerOffer(offer, deps.config.publicUrl, lifecycleNow(deps), poster(offer.owner_user_id));
}

export async function listOwnerOffers(deps: OfferLifecycleDeps, userId: string): Promise<OwnerOffer[]> {
  const lifecycle = lifecycleNow(deps);
  const offers = await repo.listOffersOfManager(deps.db, await offerManager(deps.db, userId));
  const poster = await postersOf(
    deps.db,
    offers.map((o) => o.owner_user_id),
    userId,
  );
  return offers.map((o) => presentOwnerOffer(o, deps.config.publicUrl, lifecycle, poster(o.owner_user_id)));
}

/** Edits any field at any time; the change is diffused through updatedAt. */
export async function updateOffer(
  deps: OfferLifecycleDeps,
  id: string,
  userId: string,
  input: UpdateOffer,
): Promise<OwnerOffer> {
  const offer = await ownedOffer(deps.db, id, userId);
  if (offer.status === "filled" || offer.status === "cancelled") {
    throw new AppError("OFFER_ACTION_INVALID", {
      message: "Une offre pourvue ou annulée ne se modifie plus : dupliquez-la.",
    });
  }
  const now = deps.clock.now();
  if (input.startDate) checkStartDate(input.startDate, now);
  const changes: Parameters<typeof repo.updateOffer>[2] = { updated_at: now };
  if (input.appellationCode !== undefined || input.skills !== undefined) {
    const job = await jobContent(deps.db, input.appellationCode ?? offer.appellation_code, input.skills);
    // A new job without a new text gets the new generated text; so do new skills, unless the
    // recruiter had written their own text (theirs is kept).
    const regenerate =
      input.description === undefined &&
      (input.appellationCode !== undefined || isGeneratedDescription(offer.description, job.fiche, offer.skills));
    Object.assign(changes, {
      appellation_code: job.appellationCode,
      appellation_label: job.appellationLabel,
      rome_code: job.romeCode,
      rome_label: job.romeLabel,
      rome_version: job.romeVersion,
      access: job.access,
      skills: JSON.stringify(job.skills),
      ...(regenerate ? { description: job.generatedDescription } : {}),
    });
  }
  if (input.title !== undefined) changes.title = cleanFreeText("title", input.title) as string;
  if (input.description !== undefined) changes.description = cleanFreeText("description", input.description) as string;
  if (input.companyDescription !== undefined)
    changes.company_description = cleanFreeText("companyDescription", input.companyDescription);
  if (input.rhythm !== undefined) changes.rhythm = cleanFreeText("rhythm", input.rhythm);
  if (input.startDate !== undefined) Object.assign(changes, { start_date: input.startDate, start_asap: false });
  if (input.startAsap === true) Object.assign(changes, { start_date: null, start_asap: true });
  if (input.contractTypes !== undefined) changes.contract_types = input.contractTypes;
  if (input.diplomaLevel !== undefined) changes.diploma_level = input.diplomaLevel;
  if (input.durationMonths !== undefined) changes.duration_months = input.durationMonths;
  if (input.positions !== undefined) changes.positions = input.positions;
  if (input.disabilityFriendly !== undefined) changes.disability_friendly = input.disabilityFriendly;
  await repo.updateOffer(deps.db, id, changes);
  return getOwnerOffer(deps, id, userId);
}

type ActionResult = { applied: boolean; status: OfferStatus; expiresAt: Date | null };

/**
 * Applies a lifecycle action inside a transaction, with the offer locked. `cycle` (from an email link)
 * makes a repeated "extend" a no-op: it only applies to the expiry cycle it was sent for.
 * Returns whether something changed. Extending can put the offer back online, which the other
 * modules hear of (deps.reactions); closing is `closeOffer`, which needs no reactions.
 */
export async function applyLifecycleAction(
  deps: Pick<OfferLifecycleDeps, "clock" | "config" | "reactions">,
  db: Kysely<Database>,
  id: string,
  action: "extend" | "filled" | "cancel",
  cycle?: number,
): Promise<ActionResult> {
  if (action !== "extend") return closeOffer(deps, db, id, action);
  const offer = await lockedFor(db, id, action, cycle);
  if ("applied" in offer) return offer;
  const now = deps.clock.now();
  const expiresAt = expiryFrom(now, deps.config.offerTtlDays);
  await repo.updateOffer(db, id, {
    status: "active",
    expires_at: expiresAt,
    expiry_cycle: offer.expiry_cycle + 1,
    published_at: offer.published_at ?? now,
    closed_at: null,
    updated_at: now,
  });
  if (offer.status !== "active") await announcePublished(deps, db, [id], now);
  return { applied: true, status: "active", expiresAt };
}

/** Marks an offer filled or cancelled, inside the caller's transaction (a second time changes nothing). */
export async function closeOffer(
  deps: Pick<OfferLifecycleDeps, "clock">,
  db: Kysely<Database>,
  id: string,
  action: "filled" | "cancel",
): Promise<ActionResult> {
  const offer = await lockedFor(db, id, action);
  if ("applied" in offer) return offer;
  const now = deps.clock.now();
  const status = action === "filled" ? "filled" : "cancelled";
  await repo.updateOffer(db, id, { status, closed_at: now, updated_at: now });
  return { applied: true, status, expiresAt: offer.expires_at ? new Date(offer.expires_at) : null };
}

/**
 * The offer, locked, when the action is still to do; the unchanged answer when it was already done
 * (a second click); OFFER_ACTION_INVALID when the action cannot apply to its status.
 */
async function lockedFor(db: Kysely<Database>, id: string, action: "extend" | "filled" | "cancel", cycle?: number) {
  const offer = await repo.findOfferForUpdate(db, id);
  if (!offer) throw new AppError("OFFER_NOT_FOUND");
  const alreadyDone =
    (action === "extend" && cycle !== undefined && offer.expiry_cycle !== cycle) ||
    (action === "filled" && offer.status === "filled") ||
    (action === "cancel" && offer.status === "cancelled");
  if (alreadyDone) {
    const unchanged: ActionResult = {
      applied: false,
      status: offer.status,
      expiresAt: offer.expires_at ? new Date(offer.expires_at) : null,
    };
    return unchanged;
  }
  if (!canApplyEmailAction(offer.status, action)) {
    throw new AppError("OFFER_ACTION_INVALID", { details: { status: offer.status, action } });
  }
  return offer;
}

/** Owner action from the space. */
export async function ownerAction(
  deps: OfferLifecycleDeps,
  id: string,
  userId: string,
  action: "extend" | "filled" | "cancel",
): Promise<OwnerOffer> {
  await ownedOffer(deps.db, id, userId);
  await deps.db.transaction().execute((trx) => applyLifecycleAction(deps, trx, id, action));
  return getOwnerOffer(deps, id, userId);
}

/**
 * Whose the copy is: the person who duplicated it. An offer reached through a verified colleague's
 * membership becomes theirs (their account; for a company's own offer, their name and address as
 * the contact), so that its reminders and applications go to whoever will follow it, not to the
 * colleague who posted the original. The owner or intermediary duplicating keeps everything.
 */
async function copyHandedTo(
  db: Kysely<Database>,
  offer: Awaited<ReturnType<typeof ownedOffer>>,
  userId: string,
): Promise<{ columns: Partial<Insertable<OffersTable>>; accountStatus?: AccountStatus }> {
  if (offer.owner_user_id === userId || offer.intermediary_user_id === userId) return { columns: {} };
  if (!offer.account_type) return { columns: {} };
  const account = (await verifiedOrganisationsOf(db, userId, offer.account_type)).find(
    (a) => a.siret === offer.account_siret,
  );
  if (!account) return { columns: {} };
  if (offer.intermediary_user_id) {
    // A CFA's offer for a company: the colleague becomes the intermediary; the company contact stays.
    return { columns: { intermediary_user_id: userId, account_id: account.id }, accountStatus: account.status };
  }
  const person = await findPerson(db, userId);
  if (!person) return { columns: {} };
  return {
    columns: {
      owner_user_id: userId,
      account_id: account.id,
      contact_first_name: person.first_name,
      contact_last_name: person.last_name,
      contact_email: person.email,
      contact_phone: person.phone ?? offer.contact_phone,
    },
    accountStatus: account.status,
  };
}

/** A new offer with the same content, live for a fresh period (when the account publishes). */
export async function duplicateOffer(deps: OfferLifecycleDeps, id: string, userId: string): Promise<OwnerOffer> {
  const offer = await ownedOffer(deps.db, id, userId);
  const now = deps.clock.now();
  const handover = await copyHandedTo(deps.db, offer, userId);
  const accountStatus = handover.accountStatus ?? offer.account_status;
  const live = accountStatus === null || accountStatus === "active" || accountStatus === "certified";
  const {
    id: _id,
    account_status: _s,
    account_type: _t,
    account_siret: _siret,
    views: _v,
    applications_count: _a,
    expiry_cycle: _c,
    ...content
  } = offer;
  const copy = await repo.insertOffer(deps.db, {
    ...content,
    ...handover.columns,
    skills: JSON.stringify(offer.skills),
    external_id: null,
    // A start date already past is moved to "as soon as possible" rather than refused.
    ...(offer.start_date && offer.start_date < now.toISOString().slice(0, 10)
      ? { start_date: null, start_asap: true }
      : {}),
    status: live ? "active" : "pending",
    published_at: live ? now : null,
    expires_at: live ? expiryFrom(now, deps.config.offerTtlDays) : null,
    closed_at: null,
    close_reason: null,
    hired_application_id: null,
    created_at: now,
    updated_at: now,
  });
  return getOwnerOffer(deps, copy.id, userId);
}

/**
 * Closes an offer the person manages and records why (ADR 011): hired through Tremplin (with the
 * application hired), hired elsewhere (filled), or no longer needed (cancelled). Runs in the caller's
 * transaction, so that the application's status changes with it.
 */
export async function closeOfferWithReason(
  deps: Pick<OfferLifecycleDeps, "clock" | "config">,
  db: Kysely<Database>,
  id: string,
  userId: string,
  reason: OfferCloseReason,
  hiredApplicationId: string | null,
): Promise<void> {
  await ownedOffer(db, id, userId);
  await closeOffer(deps, db, id, reason === "no_longer_needed" ? "cancel" : "filled");
  await repo.updateOffer(db, id, { close_reason: reason, hired_application_id: hiredApplicationId });
}
