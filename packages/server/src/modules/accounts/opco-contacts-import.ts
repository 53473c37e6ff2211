import { emailSchema, isValidSiret } from "@tremplin/core";
import { existingSirets, upsertOpcoContacts } from "./membership-repository.js";
import type { Db } from "./repository.js";

export interface OpcoContactsReport {
  lines: number;
  imported: number;
  alreadyKnown: number;
  rejected: Array<{ line: number; text: string; reason: string }>;
}

/**
 * Imports an OPCO's members file (CSV `SIRET;email`, a header line allowed, `;` or `,`): each valid
 * line makes that address a known contact of that establishment, verified at its next confirmation.
 * Each rejected line is reported with its reason (bad SIRET, bad email, unknown establishment) and
 * the others are kept; importing the same file again adds nothing.
 */
export async function importOpcoContacts(
  db: Db,
  content: string,
  sourceFile: string,
  now: Date,
): Promise<OpcoContactsReport> {
  const report: OpcoContactsReport = { lines: 0, imported: 0, alreadyKnown: 0, rejected: [] };
  const candidates: Array<{ line: number; text: string; siret: string; email: string }> = [];
  const lines = content.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const text = raw.trim();
    if (!text) continue;
    const [rawSiret = "", rawEmail = "", ...rest] = text.split(/[;,]/).map((c) => c.trim().replace(/^"|"$/g, ""));
    if (index === 0 && /siret/i.test(rawSiret)) continue;
    report.lines++;
    const line = index + 1;
    const siret = rawSiret.replace(/\s/g, "");
    if (rest.some((c) => c !== "")) {
      report.rejected.push({ line, text, reason: "trop de colonnes (attendu : SIRET;email)" });
      continue;
    }
    if (!/^\d{14}$/.test(siret) || !isValidSiret(siret)) {
      report.rejected.push({ line, text, reason: `SIRET invalide : « ${rawSiret} »` });
      continue;
    }
    const email = emailSchema.safeParse(rawEmail);
    if (!email.success) {
      report.rejected.push({ line, text, reason: `adresse e-mail invalide : « ${rawEmail} »` });
      continue;
    }
    candidates.push({ line, text, siret, email: email.data });
  }
  const known = await existingSirets(db, [...new Set(candidates.map((c) => c.siret))]);
  const rows: Array<{ siret: string; email: string }> = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (!known.has(c.siret)) {
      report.rejected.push({ line: c.line, text: c.text, reason: `établissement inconnu du répertoire : ${c.siret}` });
      continue;
    }
    const key = `${c.siret};${c.email}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ siret: c.siret, email: c.email });
  }
  report.imported = await upsertOpcoContacts(db, rows, sourceFile, now);
  report.alreadyKnown = rows.length - report.imported;
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}
