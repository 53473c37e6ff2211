import {
  canRecruiterSet,
  type OfferCloseReason,
  type ReceivedApplication,
  type ReceivedApplicationsQuery,
  type UpdateReceivedApplication,
} from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { AppError } from "../../lib/app-error.js";
import {
  closeOfferWithReason,
  getOwnerOffer,
  managedOfferIds,
  offerManager,
  ownedOffer,
} from "../offers/lifecycle-service.js";
import type { ApplicationsDeps } from "./context.js";
import { openCv } from "./cv-vault.js";
import * as lifecycle from "./lifecycle-repository.js";
import { presentRecruiterApplication } from "./presenter.js";
import { applyRecruiterStatus } from "./status-service.js";

/**
 * The recruiter's inbox (ADR 011): every application of the offers they manage (owner,
 * intermediary, or verified member of the organisation that posted them) and the spontaneous applications of the SIRETs they are a verified member of — the
 * same scope for the list, the status change, the note and the CV. Anything else is « not found ».
 */
async function scopeOf(db: Kysely<Database>, userId: string): Promise<lifecycle.InboxScope> {
  const manager = await offerManager(db, userId);
  return { offerIds: managedOfferIds(db, manager), sirets: manager.companySirets };
}

export function presentReceived(row: lifecycle.ReceivedRow): ReceivedApplication {
  return {
    ...presentRecruiterApplication(row),
    note: row.recruiter_note,
    cvAvailable: row.cv_kept !== null,
    contractSignedAt: row.contract_signed_at ? new Date(row.contract_signed_at).toISOString() : null,
  };
}

const encodeCursor = (row: { created_at: Date | string; id: string }) =>
  Buffer.from(`${new Date(row.created_at).toISOString()}|${row.id}`).toString("base64url");

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at ?? "");
  if (Number.isNaN(createdAt.getTime()) || !id || !/^[0-9a-f-]{36}$/.test(id)) {
    const message = "Ce curseur n'est pas valable : reprenez la liste depuis le début.";
    throw new AppError("VALIDATION_ERROR", { message, details: [{ path: "cursor", message }] });
  }
  return { createdAt, id };
}

export async function listReceived(deps: ApplicationsDeps, userId: string, query: ReceivedApplicationsQuery) {
  const scope = await scopeOf(deps.db, userId);
  const filter = { status: query.status, offerId: query.offerId, kind: query.kind };
  const rows = (await lifecycle.listReceived(
    deps.db,
    scope,
    filter,
    decodeCursor(query.cursor),
    query.limit + 1,
  )) as lifecycle.ReceivedRow[];
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const counts = { total: 0, new: 0, seen: 0, interview: 0, refused: 0, hired: 0, withdrawn: 0 };
  for (const c of await lifecycle.countReceivedByStatus(deps.db, scope, filter)) {
    counts[c.status] = Number(c.n);
    counts.total += Number(c.n);
  }
  return {
    items: page.map(presentReceived),
    counts,
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    offers: await lifecycle.offersOfInbox(deps.db, scope),
  };
}

/**
 * A new status (the candidate is told, as from the email's links) and/or the private note. Moving
 * backwards or after a final status is 409; the same status again only saves the note. `hired`
 * says when the offer's positions are all filled, so that the page offers to close it.
 */
export async function updateReceived(
  deps: ApplicationsDeps,
  userId: string,
  id: string,
  input: UpdateReceivedApplication,
) {
  const now = deps.clock.now();
  const applied = await deps.db.transaction().execute(async (trx) => {
    const row = await lifecycle.findReceived(trx, await scopeOf(trx, userId), id, true);
    if (!row || row.anonymised_at) throw new AppError("APPLICATION_NOT_FOUND");
    if (input.note !== undefined) await lifecycle.setNote(trx, id, input.note);
    if (input.status === undefined || input.status === row.status) return false;
    if (row.status === "withdrawn") throw new AppError("APPLICATION_WITHDRAWN");
    if (!canRecruiterSet(row.status, input.status)) throw new AppError("APPLICATION_STATUS_CHANGE_INVALID");
    const change = { to: input.status, reason: input.reason, message: input.message, via: "space" as const };
    await applyRecruiterStatus(deps, trx, row, change, now);
    return true;
  });
  deps.mailer.kick();
  const row = await lifecycle.findReceivedWithDelivery(deps.db, id);
  if (!row) throw new AppError("APPLICATION_NOT_FOUND");
  return { application: presentReceived(row), applied, offerToClose: await offerToClose(deps, row) };
}

async function offerToClose(deps: ApplicationsDeps, row: lifecycle.ReceivedRow) {
  if (row.status !== "hired" || !row.offer_id) return null;
  const offer = await lifecycle.offerPositions(deps.db, row.offer_id);
  if (offer?.status !== "active") return null;
  const hires = await lifecycle.countHired(deps.db, offer.id);
  return hires >= offer.positions ? { offerId: offer.id, title: offer.title, positions: offer.positions, hires } : null;
}

/** The kept CV, decrypted for a member of the receiving organisation; 410 once deleted. */
export async function readCv(deps: ApplicationsDeps, userId: string, id: string) {
  const row = await lifecycle.findReceived(deps.db, await scopeOf(deps.db, userId), id);
  if (!row || row.anonymised_at) throw new AppError("APPLICATION_NOT_FOUND");
  const cv = await lifecycle.findCv(deps.db, id);
  if (!cv) throw new AppError("APPLICATION_CV_GONE");
  const bytes = openCv(deps.config.cvEncryptionKey, id, {
    iv: Buffer.from(cv.iv),
    authTag: Buffer.from(cv.auth_tag),
    ciphertext: Buffer.from(cv.ciphertext),
  });
  return { fileName: cv.file_name, contentType: cv.content_type, bytes };
}

/**
 * Closes an offer with its reason. « Hired through Tremplin » names an application of this offer,
 * which becomes « hired » (the candidate is told) in the same transaction.
 */
export async function closeOffer(
  deps: ApplicationsDeps,
  userId: string,
  offerId: string,
  input: { reason: OfferCloseReason; applicationId?: string | undefined },
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await ownedOffer(trx, offerId, userId);
    let hiredId: string | null = null;
    if (input.reason === "hired_tremplin") {
      const row = await lifecycle.findReceived(trx, await scopeOf(trx, userId), input.applicationId as string, true);
      if (
        !row ||
        row.offer_id !== offerId ||
        row.anonymised_at ||
        row.status === "withdrawn" ||
        row.status === "refused"
      ) {
        throw new AppError("OFFER_CLOSE_APPLICATION_INVALID");
      }
      if (row.status !== "hired") {
        await applyRecruiterStatus(deps, trx, row, { to: "hired", via: "space" }, now);
      }
      hiredId = row.id;
    }
    await closeOfferWithReason(deps, trx, offerId, userId, input.reason, hiredId);
  });
  deps.mailer.kick();
  return getOwnerOffer(deps, offerId, userId);
}
