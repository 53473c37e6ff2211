import type { AccountStatus } from "../schemas/account.js";

/**
 * The life of an account: email confirmed → active (offers published at once) → certified by
 * the OPCO, or rejected (offers unpublished), or disabled by an admin. Re-enabling brings it back.
 */
export type AccountAction = "confirm" | "certify" | "uncertify" | "reject" | "disable" | "enable";

const transitions: Record<AccountAction, { from: readonly AccountStatus[]; to: AccountStatus }> = {
  confirm: { from: ["pending_confirmation"], to: "active" },
  certify: { from: ["active", "rejected"], to: "certified" },
  // The undo of a certification given by mistake: back to « active », offers stay online without the mention.
  uncertify: { from: ["certified"], to: "active" },
  reject: { from: ["active", "certified"], to: "rejected" },
  disable: { from: ["pending_confirmation", "active", "certified", "rejected"], to: "disabled" },
  enable: { from: ["disabled", "rejected"], to: "active" },
};

/** The status after `action`, or null when the action is not possible from `from`. */
export function nextAccountStatus(from: AccountStatus, action: AccountAction): AccountStatus | null {
  const t = transitions[action];
  return t.from.includes(from) ? t.to : null;
}

/** Whether offers of an account in this status are shown to candidates and partners. */
export function accountPublishesOffers(status: AccountStatus): boolean {
  return status === "active" || status === "certified";
}

/**
 * Whether an offer carries « certifié par l'OPCO »: posted by a company's own account that its
 * OPCO certified. A CFA or an adviser posting on behalf is never the company's certification.
 * One rule for the offer page, the public API and search alike.
 */
export function offerOpcoCertified(account: { type?: string | null; status?: string | null }): boolean {
  return account.type === "company" && account.status === "certified";
}
