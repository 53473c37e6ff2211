import { applicationStatusLabels, type RecruiterApplication, refusalReasonLabels } from "@tremplin/core";

const headers = [
  "Date (heure de Paris)",
  "Prénom",
  "Nom",
  "E-mail",
  "Téléphone",
  "Message",
  "CV",
  "État",
  "Date de réponse",
  "Motif de refus",
  "Provenance",
];

const parisDateTime = (iso: string) =>
  new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" }).format(
    new Date(iso),
  );

/**
 * A cell as spreadsheets read it safely: quoted, quotes doubled, and a leading = + - @ neutralised
 * (a candidate's text must not become a formula in the recruiter's Excel).
 */
function cell(value: string | null): string {
  let text = value ?? "";
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

/** CSV for French spreadsheets: UTF-8 with BOM, semicolons, CRLF. */
export function applicationsCsv(items: readonly RecruiterApplication[]): string {
  const lines = [headers.map(cell).join(";")];
  for (const a of items) {
    lines.push(
      [
        parisDateTime(a.createdAt),
        a.candidate.firstName,
        a.candidate.lastName,
        a.candidate.email,
        a.candidate.phone,
        a.message,
        a.cv ? a.cv.fileName : "",
        applicationStatusLabels[a.status],
        a.answer ? parisDateTime(a.answer.answeredAt) : "",
        a.answer?.reason ? refusalReasonLabels[a.answer.reason] : "",
        a.source,
      ]
        .map(cell)
        .join(";"),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
