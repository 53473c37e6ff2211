import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * The CVs kept for the recruiter's inbox are encrypted with AES-256-GCM (ADR 011): a fresh 12-byte
 * IV per file, the application id as associated data so that a blob copied onto another row fails
 * to open, and the 16-byte tag checked on every read (a changed byte is an error, never a file).
 */
export interface SealedCv {
  iv: Buffer;
  authTag: Buffer;
  ciphertext: Buffer;
}

export function sealCv(key: Buffer, applicationId: string, bytes: Buffer): SealedCv {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(applicationId));
  const ciphertext = Buffer.concat([cipher.update(bytes), cipher.final()]);
  return { iv, authTag: cipher.getAuthTag(), ciphertext };
}

/** The file's bytes; throws when the key, the id or the content does not match. */
export function openCv(key: Buffer, applicationId: string, sealed: SealedCv): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", key, sealed.iv);
  decipher.setAAD(Buffer.from(applicationId));
  decipher.setAuthTag(sealed.authTag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}
