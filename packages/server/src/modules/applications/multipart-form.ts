import { CV_MAX_BYTES } from "@tremplin/core";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../lib/app-error.js";
import type { UploadedCv } from "./cv-file.js";

export interface ApplicationForm {
  fields: Record<string, string>;
  file: UploadedCv | null;
}

const FILE_FIELD = "cv";
const TEXT_FIELDS: ReadonlySet<string> = new Set([
  "offerId",
  "siret",
  "firstName",
  "lastName",
  "email",
  "phone",
  "message",
]);

/** Limits given to busboy: one file of 3 MB, a handful of short fields. */
const limits = { fileSize: CV_MAX_BYTES, files: 1, fields: 20, fieldSize: 16_384, parts: 22 };

const fieldError = (path: string, message: string) =>
  new AppError("VALIDATION_ERROR", {
    message: `Certaines informations envoyées sont invalides. ${message}`,
    details: [{ path, message }],
  });

/**
 * Reads the multipart body as it streams in. The CV is held in memory up to the 3 MB limit and no
 * further: busboy stops filling it at the limit (the rest of the upload is skipped, not stored), and
 * the request is answered 413 CV_TOO_LARGE. A file of exactly 3 MB is accepted.
 */
export async function readApplicationForm(request: FastifyRequest): Promise<ApplicationForm> {
  if (!request.isMultipart()) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", {
      message: "Envoyez la candidature en multipart/form-data : les champs texte et le fichier « cv ».",
    });
  }
  const fields: Record<string, string> = {};
  let file: UploadedCv | null = null;
  try {
    for await (const part of request.parts({ limits })) {
      if (part.type === "file") {
        if (part.fieldname !== FILE_FIELD) {
          part.file.resume();
          throw fieldError(part.fieldname, "Seul le fichier « cv » est accepté.");
        }
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        if (part.file.truncated) {
          throw new AppError("CV_TOO_LARGE", { details: { maxBytes: CV_MAX_BYTES } });
        }
        // A form with no file chosen still sends an empty, nameless part.
        if (part.filename === "" && chunks.length === 0) continue;
        file = { fileName: part.filename, declaredType: part.mimetype ?? "", bytes: Buffer.concat(chunks) };
      } else if (TEXT_FIELDS.has(part.fieldname) && fields[part.fieldname] === undefined) {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    throw translate(error);
  }
  return { fields, file };
}

/** @fastify/multipart's limit errors, in the API's words. */
function translate(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === "FST_REQ_FILE_TOO_LARGE") return new AppError("CV_TOO_LARGE", { details: { maxBytes: CV_MAX_BYTES } });
  if (code === "FST_FILES_LIMIT") return fieldError(FILE_FIELD, "Joignez un seul fichier : votre CV.");
  if (code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT") {
    return new AppError("MALFORMED_REQUEST", { message: "Le formulaire envoyé contient trop de champs." });
  }
  if (error instanceof AppError) return error;
  // Nothing but the client's bytes is read here: a missing or empty boundary, a truncated body or a
  // malformed part header (busboy's errors) is the client's mistake, answered 400, never 500.
  return new AppError("MALFORMED_REQUEST", {
    message: "Le formulaire envoyé est mal formé (multipart/form-data incomplet ou sans délimiteur).",
  });
}
