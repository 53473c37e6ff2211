import type { CreateOffer, PublicOffer } from "@tremplin/core";
import { AppError } from "../../lib/app-error.js";
import type { Principal } from "../../lib/principal.js";
import type { OffersDeps } from "./context.js";
import { closeOffer } from "./lifecycle-service.js";
import { buildOfferContent, createOffer, type OfferContent } from "./posting-service.js";
import { presentPublicOffer } from "./presenter.js";
import * as repo from "./repository.js";

/*
 * Every writer's path to an offer: the web recruiter's post, a CFA or OPCO posting on behalf, and
 * partners' API keys (create or upsert by their own reference, replace, close). Named for that,
 * not for partners only.
 */

type ApiKeyPrincipal = Extract<Principal, { kind: "apiKey" }>;

/** An offer pushed by this partner's key; OFFER_NOT_FOUND for anyone else's (no enumeration). */
async function partnerOffer(deps: OffersDeps, id: string, principal: ApiKeyPrincipal) {
  const offer = await repo.findOffer(deps.db, id);
  if (!offer || offer.api_key_id !== principal.apiKeyId) throw new AppError("OFFER_NOT_FOUND");
  return offer;
}

/** JSON with sorted keys: jsonb does not keep the key order it was given. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Same content as stored? (The skills JSON column is compared structurally.) */
function sameContent(current: Record<string, unknown>, next: OfferContent): boolean {
  return Object.entries(next).every(([key, value]) => {
    const incoming = key === "skills" && typeof value === "string" ? JSON.parse(value) : value;
    return canonical(current[key]) === canonical(incoming);
  });
}

/**
 * Replaces a partner offer's content (PUT): repeated identical requests change nothing — not even
 * updatedAt, so partners and webhooks see no phantom update. Closed offers are not reopened.
 */
export async function replacePartnerOffer(
  deps: OffersDeps,
  id: string,
  principal: ApiKeyPrincipal,
  input: CreateOffer,
): Promise<PublicOffer> {
  const offer = await partnerOffer(deps, id, principal);
  if (offer.status !== "active" && offer.status !== "pending") {
    throw new AppError("OFFER_ACTION_INVALID", {
      message: "Cette offre est fermée : déposez-en une nouvelle.",
      details: { status: offer.status },
    });
  }
  const { content } = await buildOfferContent(deps, principal, input);
  if (!sameContent(offer, content)) {
    await repo.updateOffer(deps.db, id, { ...content, updated_at: deps.clock.now() });
  }
  return presentPublicOffer(
    (await repo.findOffer(deps.db, id)) as NonNullable<Awaited<ReturnType<typeof repo.findOffer>>>,
    deps.config.publicUrl,
  );
}

/** POST /offers from a partner: an externalId already pushed by this key updates that offer instead of duplicating it. */
export async function createOrUpsertOffer(
  deps: OffersDeps,
  principal: Principal,
  input: CreateOffer,
): Promise<PublicOffer> {
  if (principal.kind === "apiKey" && input.externalId) {
    const existing = await repo.findByExternalId(deps.db, principal.apiKeyId, input.externalId);
    if (existing) return replacePartnerOffer(deps, existing.id, principal, input);
  }
  return createOffer(deps, principal, input);
}

/** Closes a partner offer as filled or cancelled (idempotent). */
export async function closePartnerOffer(
  deps: OffersDeps,
  id: string,
  principal: ApiKeyPrincipal,
  reason: "filled" | "cancelled",
): Promise<PublicOffer> {
  await partnerOffer(deps, id, principal);
  await deps.db.transaction().execute((trx) => closeOffer(deps, trx, id, reason === "filled" ? "filled" : "cancel"));
  return presentPublicOffer(
    (await repo.findOffer(deps.db, id)) as NonNullable<Awaited<ReturnType<typeof repo.findOffer>>>,
    deps.config.publicUrl,
  );
}
