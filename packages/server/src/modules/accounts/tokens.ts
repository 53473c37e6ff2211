import { createHash, randomBytes } from "node:crypto";

/** A random secret for a link or a session (256 bits, URL-safe). Only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are long and random, so an unsalted SHA-256 is enough to make a stolen table useless. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
