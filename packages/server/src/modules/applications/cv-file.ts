import { type CvKind, cvKindFromFileName, cvMediaTypes, declaredTypeMatches, sniffCvBytes } from "@tremplin/core";
import yauzl from "yauzl";
import { AppError } from "../../lib/app-error.js";

export interface UploadedCv {
  fileName: string;
  declaredType: string;
  bytes: Buffer;
}

export interface CheckedCv {
  kind: CvKind;
  /** The name the candidate gave, cleaned (shown to the recruiter in their space). */
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

const MAX_ZIP_ENTRIES = 5_000;
/**
 * Zip bombs: what the archive says its parts weigh once decompressed, read from the central
 * directory before anything is inflated. A real CV's XML compresses about 5 to 20 times; a part
 * that claims more than 100 times its compressed size (beyond 1 MiB, where small parts may be
 * anything) or an archive that would exceed 50 MiB in all is refused (ADR 010).
 */
const MAX_ENTRY_RATIO = 100;
const RATIO_CHECKED_ABOVE = 1_048_576;
const MAX_TOTAL_UNCOMPRESSED = 50 * 1_048_576;

class SuspiciousArchive extends Error {}

/** Keeps a file name printable and short: no path, no control or header-breaking characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} ._()-]/gu, "_")
    .replace(/\s+/g, " ")
    .trim();
  return cleaned.length > 120 ? `${cleaned.slice(0, 110)}${cleaned.slice(cleaned.lastIndexOf("."))}` : cleaned;
}

/**
 * The names inside a ZIP, read from its central directory (nothing is decompressed); rejects with
 * SuspiciousArchive when the declared sizes look like a zip bomb.
 */
function zipEntryNames(bytes: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error("unreadable zip"));
      const names: string[] = [];
      let total = 0;
      zip.on("entry", (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        if (names.length > MAX_ZIP_ENTRIES) {
          zip.close();
          return reject(new Error("too many zip entries"));
        }
        total += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (
          total > MAX_TOTAL_UNCOMPRESSED ||
          (entry.uncompressedSize > RATIO_CHECKED_ABOVE && ratio > MAX_ENTRY_RATIO)
        ) {
          zip.close();
          return reject(new SuspiciousArchive("declared uncompressed size too large"));
        }
        zip.readEntry();
      });
      zip.on("end", () => resolve(names));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

const mismatch = () => new AppError("CV_CONTENT_MISMATCH");

/**
 * Accepts a CV only when its name, its declared type and its bytes agree: a PDF starts with
 * `%PDF-`; a .docx is a ZIP package holding `word/document.xml` (any other ZIP is refused), without
 * macros. A renamed executable, a PDF named .docx or an image named .pdf are all refused.
 */
export async function checkCv(file: UploadedCv): Promise<CheckedCv> {
  const kind = cvKindFromFileName(file.fileName);
  if (!kind) throw new AppError("CV_TYPE_NOT_ALLOWED", { details: { fileName: cleanFileName(file.fileName) } });
  if (file.bytes.length === 0) {
    throw new AppError("CV_CONTENT_MISMATCH", { message: "Ce fichier est vide : choisissez à nouveau votre CV." });
  }
  if (!declaredTypeMatches(kind, file.declaredType)) throw mismatch();
  const sniffed = sniffCvBytes(file.bytes.subarray(0, 8));
  if (kind === "pdf" && sniffed !== "pdf") throw mismatch();
  if (kind === "docx") {
    if (sniffed !== "zip") throw mismatch();
    const names = await zipEntryNames(file.bytes).catch((error: unknown) => {
      throw error instanceof SuspiciousArchive ? new AppError("CV_ARCHIVE_SUSPICIOUS") : mismatch();
    });
    const has = (name: string) => names.some((n) => n.toLowerCase() === name.toLowerCase());
    if (!has("word/document.xml") || !has("[Content_Types].xml")) throw mismatch();
    if (has("word/vbaProject.bin")) throw new AppError("CV_MACROS_NOT_ALLOWED");
  }
  return { kind, fileName: cleanFileName(file.fileName), contentType: cvMediaTypes[kind], bytes: file.bytes };
}
