import type { ApplicationDecision, ApplicationStatus } from "../schemas/application.js";

/** The statuses a recruiter sets from the inbox (`PATCH /api/v1/me/received-applications/{id}`). */
export const recruiterStatuses = ["seen", "interview", "refused", "hired"] as const;
export type RecruiterStatus = (typeof recruiterStatuses)[number];

/** An application only moves forward: new → seen → interview → refused | hired. */
const rank: Record<ApplicationStatus, number> = { new: 0, seen: 1, interview: 2, refused: 3, hired: 3, withdrawn: 3 };

/** Refused, hired and withdrawn are the end: nothing changes the status afterwards. */
export function isFinalStatus(status: ApplicationStatus): boolean {
  return rank[status] === 3;
}

/**
 * Whether a recruiter may move an application from `from` to `to` — from the inbox or from a
 * one-click link of the email, the same rule: forward only, never after a final status.
 */
export function canRecruiterSet(from: ApplicationStatus, to: RecruiterStatus): boolean {
  return !isFinalStatus(from) && rank[to] > rank[from];
}

/** The status a one-click answer leads to (« je ne sais pas encore » is « en cours d'examen »). */
export function statusOfDecision(decision: ApplicationDecision): RecruiterStatus {
  return decision === "undecided" ? "seen" : decision;
}

/** Still waiting for a real answer: nudges, digests and the candidate's 14-day mail look for these. */
export function isAwaitingAnswer(status: ApplicationStatus): boolean {
  return status === "new" || status === "seen";
}

/** A candidate may withdraw until the recruiter's final answer. */
export function canWithdraw(status: ApplicationStatus): boolean {
  return !isFinalStatus(status);
}

/** Why an offer is closed (asked when the recruiter closes it). */
export const offerCloseReasons = ["hired_tremplin", "hired_elsewhere", "no_longer_needed"] as const;
export type OfferCloseReason = (typeof offerCloseReasons)[number];
export const offerCloseReasonLabels: Record<OfferCloseReason, string> = {
  hired_tremplin: "J'ai recruté une personne qui a candidaté par Tremplin",
  hired_elsewhere: "J'ai recruté par un autre moyen",
  no_longer_needed: "Je ne recrute plus pour ce poste",
};
