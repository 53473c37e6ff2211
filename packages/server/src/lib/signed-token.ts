import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey } from "./secret-keys.js";

/**
 * Single-purpose links that work without signing in (one-click actions in emails): the payload is
 * readable but signed with a key derived from SESSION_SECRET for email links only (never the
 * cookie key, lib/secret-keys.ts), carries its purpose and an expiry, and the action it triggers is
 * made idempotent by the service (a token says "extend cycle 2", not "extend").
 */
export function signToken(secret: string, purpose: string, payload: Record<string, unknown>, expiresAt: Date): string {
  const body = Buffer.from(
    JSON.stringify({ ...payload, p: purpose, e: Math.floor(expiresAt.getTime() / 1000) }),
  ).toString("base64url");
  const mac = createHmac("sha256", deriveKey(secret, "emailToken")).update(body).digest("base64url");
  return `${body}.${mac}`;
}

/** The payload when the signature, the purpose and the expiry hold; null otherwise. */
export function verifyToken<T extends Record<string, unknown>>(
  secret: string,
  purpose: string,
  token: string,
  now: Date,
): T | null {
  const [body, mac] = token.split(".");
  if (!body || !mac) return null;
  const expected = createHmac("sha256", deriveKey(secret, "emailToken")).update(body).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as T & { p: string; e: number };
    if (payload.p !== purpose || payload.e * 1000 < now.getTime()) return null;
    return payload;
  } catch {
    return null;
  }
}
