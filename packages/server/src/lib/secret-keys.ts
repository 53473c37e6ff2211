import { hkdfSync } from "node:crypto";

/**
 * What SESSION_SECRET is used for. Each use gets its own key derived with HKDF (RFC 5869), so that a
 * value signed for one use never verifies for another: a link token from an email is not a session
 * cookie, and a cookie's signature says nothing about an email link. Changing a label changes the
 * key (every cookie or link signed before becomes invalid): labels are fixed for good.
 */
const labels = {
  sessionCookie: "tremplin/v1/session-cookie",
  emailToken: "tremplin/v1/email-token",
} as const;

export type KeyUse = keyof typeof labels;

/** Cache of the derived keys, per secret and use: HKDF once per process, not per request. */
const derived = new Map<string, Buffer>();

/** The 256-bit key for one use of the secret (computed once per secret and use). */
export function deriveKey(secret: string, use: KeyUse): Buffer {
  const cacheKey = `${use}\u0000${secret}`;
  let key = derived.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "tremplin", labels[use], 32));
    derived.set(cacheKey, key);
  }
  return key;
}
