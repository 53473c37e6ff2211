import { signToken, verifyToken } from "../../lib/signed-token.js";
import { CONFIRMATION_DAYS, DAY_MS, UNSUBSCRIBE_LINK_DAYS } from "./context.js";

const CONFIRM_PURPOSE = "alert-confirm";
const UNSUBSCRIBE_PURPOSE = "alert-unsubscribe";

/**
 * The alert links work without signing in (ADR 003/008): signed with SESSION_SECRET, one purpose
 * each. Confirmation lasts as long as an unconfirmed alert is kept; unsubscribing lasts years.
 */
export function confirmationToken(secret: string, alertId: string, createdAt: Date): string {
  return signToken(secret, CONFIRM_PURPOSE, { a: alertId }, new Date(createdAt.getTime() + CONFIRMATION_DAYS * DAY_MS));
}

export function unsubscribeToken(secret: string, alertId: string, now: Date): string {
  return signToken(
    secret,
    UNSUBSCRIBE_PURPOSE,
    { a: alertId },
    new Date(now.getTime() + UNSUBSCRIBE_LINK_DAYS * DAY_MS),
  );
}

export function alertOfConfirmation(secret: string, token: string, now: Date): string | null {
  return verifyToken<{ a: string }>(secret, CONFIRM_PURPOSE, token, now)?.a ?? null;
}

export function alertOfUnsubscribe(secret: string, token: string, now: Date): string | null {
  return verifyToken<{ a: string }>(secret, UNSUBSCRIBE_PURPOSE, token, now)?.a ?? null;
}

/** The page the confirmation email leads to (it POSTs the token). */
export const confirmationPageUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/alertes/confirmation?jeton=${encodeURIComponent(token)}`;

/** The page the « se désabonner » link leads to (it POSTs the token after a click). */
export const unsubscribePageUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/alertes/desinscription?jeton=${encodeURIComponent(token)}`;

/** RFC 8058: the address a mail client POSTs `List-Unsubscribe=One-Click` to. */
export const oneClickUnsubscribeUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/api/v1/alerts/unsubscribe?token=${encodeURIComponent(token)}`;

/** The headers of every alert email. */
export function unsubscribeHeaders(publicUrl: string, token: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${oneClickUnsubscribeUrl(publicUrl, token)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** The search the alert was made from, on /recherche (its address format: web search-params.ts). */
export function searchPageUrl(
  publicUrl: string,
  alert: {
    appellation_code: string | null;
    romes: string[];
    job_label: string;
    place_label: string;
    lat: number;
    lon: number;
    radius_km: number;
    diploma_level: number | null;
  },
): string | null {
  const rome = alert.romes[0];
  if (!alert.appellation_code || !rome) return null;
  const params = new URLSearchParams({
    metier: alert.appellation_code,
    rome,
    intitule: alert.job_label,
    lieu: alert.place_label,
    lat: String(alert.lat),
    lon: String(alert.lon),
    rayon: String(alert.radius_km),
  });
  if (alert.diploma_level !== null) params.set("niveau", String(alert.diploma_level));
  return `${publicUrl}/recherche?${params.toString()}`;
}
