import { randomUUID } from "node:crypto";
import { type ApplicationFields, type ApplicationReceipt, formatFrenchDate } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { AppError } from "../../lib/app-error.js";
import { isSuppressed } from "../../mail/outbox-repository.js";
import { ensureCandidate } from "../accounts/candidate-service.js";
import { manager } from "../offers/notifications.js";
import * as offers from "../offers/shared-service.js";
import { type ApplicationsDeps, DAY_MS } from "./context.js";
import { type CheckedCv, checkCv, type UploadedCv } from "./cv-file.js";
import { sealCv } from "./cv-vault.js";
import { enqueueApplicationEmails } from "./delivery.js";
import { isDisposableEmail } from "./disposable-domains.js";
import { insertCv } from "./lifecycle-repository.js";
import { presentReceipt } from "./presenter.js";
import * as repo from "./repository.js";
import { type ApplicationTarget, resolveApplicationTarget } from "./target.js";

/** Who sends: a candidate on Tremplin, or a partner platform with its API key. */
export interface Submitter {
  source: "tremplin" | "partner";
  partnerName: string | null;
  apiKeyId: string | null;
}

/**
 * Stores an application and its two emails in one transaction, or refuses it with a clear error:
 * disposable address, bad or missing CV, closed offer, unreachable recruiter, per-target and daily
 * limits. The CV exists only inside the recruiter's outbox email and leaves with its sending.
 */
export async function submitApplication(
  deps: ApplicationsDeps,
  submitter: Submitter,
  fields: ApplicationFields,
  file: UploadedCv | null,
): Promise<ApplicationReceipt> {
  if (isDisposableEmail(fields.email)) throw new AppError("EMAIL_DISPOSABLE");
  if (!file && fields.siret) throw new AppError("CV_REQUIRED");
  const cv = file ? await checkCv(file) : null;
  const now = deps.clock.now();
  const id = randomUUID();

  const target = await deps.db.transaction().execute(async (trx) => {
    await repo.lockCandidate(trx, fields.email);
    const ref = fields.offerId ? { offerId: fields.offerId } : { siret: fields.siret as string };
    const target = await resolveApplicationTarget(trx, ref, now);
    if (await isSuppressed(trx, target.recipient.email.toLowerCase())) {
      throw new AppError("APPLICATION_RECIPIENT_UNREACHABLE");
    }
    await checkLimits(deps, trx, fields.email, ref, now);
    await repo.insertApplication(trx, {
      id,
      target_kind: target.kind,
      offer_id: target.offerId,
      offer_cycle: target.offerCycle,
      siret: target.siret,
      company_name: target.companyName,
      offer_title: target.title,
      recipient_email: target.recipient.email,
      recipient_source: target.recipient.source,
      recipient_user_id: target.recipient.userId,
      candidate_first_name: fields.firstName,
      candidate_last_name: fields.lastName,
      candidate_email: fields.email,
      candidate_phone: fields.phone,
      message: fields.message ?? null,
      cv_file_name: cv?.fileName ?? null,
      cv_content_type: cv?.contentType ?? null,
      cv_size: cv?.bytes.length ?? null,
      source: submitter.source,
      partner_name: submitter.partnerName,
      api_key_id: submitter.apiKeyId,
      created_at: now,
    });
    if (cv) {
      // Kept encrypted for the recruiter's inbox until CV_RETENTION_DAYS (ADR 011).
      const sealed = sealCv(deps.config.cvEncryptionKey, id, cv.bytes);
      await insertCv(trx, {
        applicationId: id,
        fileName: cv.fileName,
        contentType: cv.contentType,
        ...sealed,
        now,
        deleteAfter: new Date(now.getTime() + deps.config.cvRetentionDays * DAY_MS),
      });
    }
    // The candidate can sign in with the address they applied with, to follow the application.
    await ensureCandidate(trx, fields.email, {
      firstName: fields.firstName,
      lastName: fields.lastName,
      phone: fields.phone,
    });
    const recruiterEmailId = await enqueueApplicationEmails(deps, trx, {
      id,
      target,
      candidate: { firstName: fields.firstName, lastName: fields.lastName, email: fields.email, phone: fields.phone },
      message: fields.message ?? null,
      cv,
      partnerName: submitter.partnerName,
    });
    await repo.updateApplication(trx, id, { recruiter_email_id: recruiterEmailId });
    if (target.offerId) await countOnOffer(deps, trx, target, now);
    return target;
  });
  deps.mailer.kick();
  return presentReceipt({ id, target, cv: cvSummary(cv), createdAt: now });
}

const cvSummary = (cv: CheckedCv | null) => (cv ? { fileName: cv.fileName, size: cv.bytes.length } : null);

async function checkLimits(
  deps: ApplicationsDeps,
  db: Kysely<Database>,
  email: string,
  ref: { offerId: string } | { siret: string },
  now: Date,
): Promise<void> {
  const { applicationsPerTarget: perTarget, applicationsPerDay: perDay } = deps.config;
  if ("offerId" in ref) {
    const earlier = await repo.findLatestForOffer(db, email, ref.offerId);
    if (earlier) {
      throw new AppError("ALREADY_APPLIED", {
        message: `Vous avez déjà postulé à cette offre le ${formatFrenchDate(earlier)} avec cette adresse e-mail : le recruteur a reçu votre candidature, attendez sa réponse.`,
        details: { appliedAt: earlier.toISOString() },
      });
    }
  }
  if ((await repo.countForTarget(db, email, ref)) >= perTarget) {
    throw new AppError("APPLICATION_TARGET_LIMIT", {
      message: `Vous avez déjà envoyé ${perTarget} candidature${perTarget > 1 ? "s" : ""} à cette ${"offerId" in ref ? "offre" : "entreprise"} avec cette adresse e-mail, le maximum. Le recruteur les a reçues : attendez sa réponse.`,
      details: { limit: perTarget },
    });
  }
  if ((await repo.countSince(db, email, new Date(now.getTime() - DAY_MS))) >= perDay) {
    throw new AppError("APPLICATION_DAILY_LIMIT", {
      message: `Vous avez envoyé ${perDay} candidatures en 24 heures, le maximum. Vous pourrez en envoyer d'autres demain.`,
      details: { limit: perDay },
    });
  }
}

/**
 * The offer's counter (shown in the recruiter's list), and the cap: the application that brings
 * the current publication period to OFFER_MAX_APPLICATIONS is accepted, then the offer goes offline
 * and its manager is told.
 */
async function countOnOffer(deps: ApplicationsDeps, db: Kysely<Database>, target: ApplicationTarget, now: Date) {
  const offerId = target.offerId as string;
  await offers.countApplication(db, offerId);
  const inCycle = await repo.countInOfferCycle(db, offerId, target.offerCycle as number);
  if (inCycle < deps.config.offerMaxApplications) return;
  await offers.closeOfferAsFull(db, offerId, now);
  const offer = await offers.lockOffer(db, offerId);
  if (!offer) return;
  const who = await manager(db, offer);
  await deps.mailer.enqueue(db, {
    to: who.email,
    template: "offerClosedFull",
    dedupeKey: `offer-full:${offerId}:${target.offerCycle}`,
    data: {
      firstName: who.firstName,
      title: offer.title,
      companyName: offer.company_name,
      count: inCycle,
      applicationsUrl: `${deps.config.publicUrl}/espace/offres/${offerId}/candidatures`,
    },
  });
}
