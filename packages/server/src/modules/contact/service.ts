import {
  type ApiKeyRequest,
  type ApiKeyRequestStatus,
  type ApiScope,
  type CreateContactMessage,
  contactTopicLabels,
  type SiteInfo,
} from "@tremplin/core";
import type { AppDeps } from "../../app-deps.js";
import { AppError } from "../../lib/app-error.js";
import { createApiKey } from "../diffusion/api-keys.js";
import { presentKeyRequest } from "./presenter.js";
import * as repo from "./repository.js";

export type ContactDeps = Pick<AppDeps, "config" | "db" | "clock" | "mailer">;

/**
 * Stores a message from the /contact form and emails it to CONTACT_EMAIL (reply-to the sender), in
 * one transaction. The topic « clé d'API » also opens a key request in the admin's queue.
 */
export async function sendContactMessage(
  deps: ContactDeps,
  input: CreateContactMessage,
): Promise<{ id: string; message: string }> {
  const now = deps.clock.now();
  const id = await deps.db.db.transaction().execute(async (trx) => {
    const id = await repo.insertMessage(trx, {
      topic: input.topic,
      name: input.name,
      email: input.email,
      organisation: input.organisation ?? null,
      message: input.message,
      created_at: now,
    });
    const keyRequest = input.topic === "api_key";
    if (keyRequest) await repo.insertKeyRequest(trx, { contact_message_id: id, created_at: now });
    await deps.mailer.enqueue(trx, {
      to: deps.config.contactEmail,
      replyTo: input.email,
      template: "contactMessage",
      dedupeKey: `contact:${id}`,
      data: {
        topic: contactTopicLabels[input.topic],
        name: input.name,
        email: input.email,
        organisation: input.organisation ?? null,
        message: input.message,
        adminUrl: keyRequest ? `${deps.config.publicUrl}/admin/cles-api` : null,
      },
    });
    return id;
  });
  deps.mailer.kick();
  return {
    id,
    message:
      input.topic === "api_key"
        ? "Merci : votre demande de clé d'API est enregistrée. L'équipe Tremplin l'examine et vous envoie la clé par e-mail, en général sous 5 jours ouvrés."
        : "Merci : votre message a été transmis à l'équipe Tremplin, qui vous répondra par e-mail.",
  };
}

export async function listKeyRequests(deps: ContactDeps, status: ApiKeyRequestStatus): Promise<ApiKeyRequest[]> {
  return (await repo.listKeyRequests(deps.db.db, status, 500)).map(presentKeyRequest);
}

/**
 * Creates the partner's key through the diffusion service and emails it once to the requester (the
 * key is stored only as a hash; the outbox email is the one copy). A decided request cannot be
 * decided again.
 */
export async function grantKeyRequest(
  deps: ContactDeps,
  adminId: string,
  id: string,
  scopes: ApiScope[],
): Promise<ApiKeyRequest> {
  const now = deps.clock.now();
  await deps.db.db.transaction().execute(async (trx) => {
    await decidable(trx, id);
    const request = (await repo.findKeyRequest(trx, id)) as repo.KeyRequestRow;
    const base = (request.organisation ?? request.name).slice(0, 80);
    let name = base;
    for (let n = 2; await repo.apiKeyNameTaken(trx, name); n++) name = `${base} (${n})`;
    const key = await createApiKey(trx, { name, scopes: [...new Set(scopes)] });
    await repo.updateKeyRequest(trx, id, {
      status: "granted",
      decided_at: now,
      decided_by: adminId,
      api_key_id: key.id,
      scopes: key.scopes,
    });
    await deps.mailer.enqueue(trx, {
      to: request.email,
      template: "apiKeyGranted",
      dedupeKey: `api-key-granted:${id}`,
      data: {
        name: request.name,
        keyName: name,
        key: key.key,
        scopes: key.scopes,
        ratePerMinute: key.rate_per_minute,
        docsUrl: `${deps.config.publicUrl}/api-partenaires`,
      },
    });
  });
  deps.mailer.kick();
  return presentKeyRequest((await repo.findKeyRequest(deps.db.db, id)) as repo.KeyRequestRow);
}

export async function refuseKeyRequest(
  deps: ContactDeps,
  adminId: string,
  id: string,
  reason: string | null,
): Promise<ApiKeyRequest> {
  const now = deps.clock.now();
  await deps.db.db.transaction().execute(async (trx) => {
    await decidable(trx, id);
    const request = (await repo.findKeyRequest(trx, id)) as repo.KeyRequestRow;
    await repo.updateKeyRequest(trx, id, { status: "refused", decided_at: now, decided_by: adminId });
    await deps.mailer.enqueue(trx, {
      to: request.email,
      template: "apiKeyRefused",
      dedupeKey: `api-key-refused:${id}`,
      data: {
        name: request.name,
        organisation: request.organisation ?? "",
        reason,
        contactEmail: deps.config.contactEmail,
      },
    });
  });
  deps.mailer.kick();
  return presentKeyRequest((await repo.findKeyRequest(deps.db.db, id)) as repo.KeyRequestRow);
}

async function decidable(db: Parameters<typeof repo.lockKeyRequest>[0], id: string): Promise<void> {
  const row = await repo.lockKeyRequest(db, id);
  if (!row) throw new AppError("API_KEY_REQUEST_NOT_FOUND");
  if (row.status !== "pending") throw new AppError("API_KEY_REQUEST_ALREADY_DECIDED");
}

/** The operator's identity, from configuration, for the legal pages. */
export function siteInfo(deps: Pick<AppDeps, "config">): SiteInfo {
  const { operator, contactEmail, publicUrl } = deps.config;
  return {
    operatorName: operator.name,
    operatorAddress: operator.address,
    publicationDirector: operator.publicationDirector,
    dpoEmail: operator.dpoEmail,
    hostingProvider: operator.hostingProvider,
    contactEmail,
    publicUrl,
  };
}
