import { z } from "zod";

/**
 * The CV a candidate attaches: PDF or Word (.docx), 3 MB at most. These rules are pure so that the
 * web form checks the same things before uploading; the server re-checks the bytes (magic numbers,
 * and for .docx the ZIP directory) because a name and a declared type prove nothing.
 */
export const CV_MAX_BYTES = 3 * 1024 * 1024;

export const cvKinds = ["pdf", "docx"] as const;
export type CvKind = (typeof cvKinds)[number];

export const cvMediaTypes: Record<CvKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/**
 * Declared types that do not contradict a kind. Browsers send application/octet-stream when the
 * system does not know the extension (common for .docx on machines without Office): that says
 * nothing, so it is accepted; any other explicit type must match.
 */
const acceptedDeclaredTypes: Record<CvKind, readonly string[]> = {
  pdf: ["application/pdf", "application/x-pdf", "application/octet-stream", ""],
  docx: [cvMediaTypes.docx, "application/octet-stream", ""],
};

/** The kind a file name claims (by its extension), or null when it is not an accepted one. */
export function cvKindFromFileName(fileName: string): CvKind | null {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  const extension = match?.[1]?.toLowerCase();
  return extension === "pdf" || extension === "docx" ? extension : null;
}

/** Whether the Content-Type the client declared is compatible with the kind. */
export function declaredTypeMatches(kind: CvKind, declaredType: string): boolean {
  const type = declaredType.split(";")[0]?.trim().toLowerCase() ?? "";
  return acceptedDeclaredTypes[kind].includes(type);
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // PK\x03\x04 (a .docx is a ZIP package)

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * What the first bytes say the file is: "pdf", "zip" (maybe a .docx: the ZIP content decides), or
 * null for anything else (an executable, an image, an old .doc…).
 */
export function sniffCvBytes(head: Uint8Array): "pdf" | "zip" | null {
  if (startsWith(head, PDF_MAGIC)) return "pdf";
  if (startsWith(head, ZIP_MAGIC)) return "zip";
  return null;
}

/** The CV field as the web form sees it (a File): same limits as the server. */
export const cvFileSchema = z
  .file({ error: "Joignez votre CV." })
  .max(CV_MAX_BYTES, "Votre CV dépasse 3 Mo : enregistrez-le en PDF ou réduisez la taille des images.")
  .mime([cvMediaTypes.pdf, cvMediaTypes.docx, "application/octet-stream"], {
    error: "Votre CV doit être un fichier PDF (.pdf) ou Word (.docx).",
  })
  .meta({ description: "CV au format PDF ou Word (.docx), 3 Mo au plus" });
