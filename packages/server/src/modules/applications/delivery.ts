import { type ApplicationDecision, applicationDecisions } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { signToken } from "../../lib/signed-token.js";
import { ANSWER_LINK_DAYS, type ApplicationsDeps, DAY_MS } from "./context.js";
import type { CheckedCv } from "./cv-file.js";
import type { ApplicationTarget } from "./target.js";

export const ANSWER_PURPOSE = "application-answer";
/** An application unanswered this many days after it was sent brings the recruiter one reminder each. */
export const NUDGE_DAYS = [3, 7] as const;

/** Every outbox dedupe key an application can use: each email is sent once, and found again to be deleted. */
export const emailKeys = {
  recruiter: (id: string) => `application:${id}:recruiter`,
  copy: (id: string) => `application:${id}:copy`,
  answer: (id: string, decision: ApplicationDecision | "hired") => `application:${id}:answer:${decision}`,
  undelivered: (id: string) => `application:${id}:undelivered`,
  /** ADR 011: the recruiter's reminders at 3 and 7 days, the candidate's follow-ups. */
  nudge: (id: string, days: number) => `application:${id}:nudge:${days}`,
  withdrawn: (id: string) => `application:${id}:withdrawn`,
  offerClosed: (id: string) => `application:${id}:offer-closed`,
  noAnswer: (id: string) => `application:${id}:no-answer`,
  all: (id: string) => [
    emailKeys.recruiter(id),
    emailKeys.copy(id),
    emailKeys.undelivered(id),
    ...[...applicationDecisions, "hired" as const].map((d) => emailKeys.answer(id, d)),
    ...NUDGE_DAYS.map((days) => emailKeys.nudge(id, days)),
    emailKeys.withdrawn(id),
    emailKeys.offerClosed(id),
    emailKeys.noAnswer(id),
  ],
};

/** A one-click answer link: signed, for one application and one answer, valid ANSWER_LINK_DAYS. */
export function answerLink(deps: ApplicationsDeps, applicationId: string, decision: ApplicationDecision): string {
  const expiresAt = new Date(deps.clock.now().getTime() + ANSWER_LINK_DAYS * DAY_MS);
  const token = signToken(deps.config.sessionSecret, ANSWER_PURPOSE, { a: applicationId, d: decision }, expiresAt);
  return `${deps.config.publicUrl}/candidatures/reponse?jeton=${encodeURIComponent(token)}`;
}

export interface NewApplicationMail {
  id: string;
  target: ApplicationTarget;
  candidate: { firstName: string; lastName: string; email: string; phone: string };
  message: string | null;
  cv: CheckedCv | null;
  partnerName: string | null;
}

const safeName = (text: string) => text.replace(/[^\p{L}\p{N} -]/gu, "").trim() || "candidat";

/**
 * Stores, in the caller's transaction, the recruiter's email (CV attached, answer links) and the
 * candidate's copy. Returns the recruiter email's outbox id. Nothing is sent before the commit; after
 * it the sender delivers each exactly once (dedupe keys), even across a crash and a restart.
 */
export async function enqueueApplicationEmails(
  deps: ApplicationsDeps,
  db: Kysely<Database>,
  mail: NewApplicationMail,
): Promise<string | null> {
  const { target, candidate, cv } = mail;
  const targetData = { kind: target.kind, title: target.title, companyName: target.companyName };
  const attachmentName = cv ? `CV ${safeName(`${candidate.firstName} ${candidate.lastName}`)}.${cv.kind}` : null;
  const recruiterEmailId = await deps.mailer.enqueue(db, {
    to: target.recipient.email,
    // The recruiter can answer the candidate by simply replying.
    replyTo: candidate.email,
    template: "applicationToRecruiter",
    dedupeKey: emailKeys.recruiter(mail.id),
    data: {
      target: targetData,
      candidate,
      message: mail.message,
      cvFileName: attachmentName,
      partnerName: mail.partnerName,
      interviewUrl: answerLink(deps, mail.id, "interview"),
      refuseUrl: answerLink(deps, mail.id, "refused"),
      undecidedUrl: answerLink(deps, mail.id, "undecided"),
      spaceUrl: target.offerId ? `${deps.config.publicUrl}/espace/offres/${target.offerId}/candidatures` : null,
    },
    ...(cv && attachmentName
      ? {
          attachments: [
            { filename: attachmentName, contentType: cv.contentType, contentBase64: cv.bytes.toString("base64") },
          ],
        }
      : {}),
  });
  await deps.mailer.enqueue(db, {
    to: candidate.email,
    template: "applicationCopyToCandidate",
    dedupeKey: emailKeys.copy(mail.id),
    data: {
      firstName: candidate.firstName,
      target: targetData,
      message: mail.message,
      cvFileName: cv?.fileName ?? null,
      partnerName: mail.partnerName,
      searchUrl: `${deps.config.publicUrl}/recherche`,
    },
  });
  return recruiterEmailId;
}
