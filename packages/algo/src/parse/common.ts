import { sirenProblem, siretProblem } from "@tremplin/core/rules/siret";
import { type Day, dayFromYmd } from "../time/day.js";

/**
 * What a row parser returns: a record, a row that is valid but not kept (a temp contract, a short
 * CDD, a header), or a rejection with the French reason shown in the import report.
 */
export type RowOutcome<T> =
  | { status: "record"; value: T }
  | { status: "skipped"; reason: string }
  | { status: "rejected"; reason: string };

export const record = <T>(value: T): RowOutcome<T> => ({ status: "record", value });
export const skipped = <T>(reason: string): RowOutcome<T> => ({ status: "skipped", reason });
export const rejected = <T>(reason: string): RowOutcome<T> => ({ status: "rejected", reason });

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Oldest and newest dates accepted in data files: anything outside is a typing or export error. */
export const MIN_DATA_DAY = dayFromYmd(1900, 1, 1);
export const MAX_DATA_DAY = dayFromYmd(2100, 1, 1);

/** The SIRET of a row (digits only) or the French reason it is refused. */
export function checkSiret(raw: string): { siret: string } | { reason: string } {
  const siret = raw.trim();
  const problem = siretProblem(siret);
  if (problem === "format") return { reason: `SIRET « ${siret} » invalide : 14 chiffres attendus` };
  if (problem === "checksum") return { reason: `SIRET ${siret} invalide : clé de contrôle (Luhn) fausse` };
  return { siret };
}

export function checkSiren(raw: string): { siren: string } | { reason: string } {
  const siren = raw.trim();
  const problem = sirenProblem(siren);
  if (problem === "format") return { reason: `SIREN « ${siren} » invalide : 9 chiffres attendus` };
  if (problem === "checksum") return { reason: `SIREN ${siren} invalide : clé de contrôle (Luhn) fausse` };
  return { siren };
}

/**
 * A date written 2018-12-01, 2018-12-01 00:00:00.0 (declaration extracts) or 01/12/2018 (contract
 * extracts); null when it is not one of these or does not exist (31/02/2018).
 */
export function parseDataDay(raw: string): Day | null {
  const text = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  if (text.length >= 10 && text[4] === "-" && text[7] === "-") {
    y = Number(text.slice(0, 4));
    m = Number(text.slice(5, 7));
    d = Number(text.slice(8, 10));
    if (text.length > 10 && text[10] !== " " && text[10] !== "T") return null;
  } else if (text.length === 10 && text[2] === "/" && text[5] === "/") {
    d = Number(text.slice(0, 2));
    m = Number(text.slice(3, 5));
    y = Number(text.slice(6, 10));
  } else return null;
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return null;
  // 31/02 does not exist (Date.UTC would roll it over to March). Checked with a table rather than a
  // round trip through a Date and a string: this runs once per line of 50 M-line files.
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 ? (leap ? 29 : 28) : (DAYS_IN_MONTH[m - 1] as number))) return null;
  const day = dayFromYmd(y, m, d);
  if (day < MIN_DATA_DAY || day >= MAX_DATA_DAY) return null;
  return day;
}

/** A decimal number written 1234.5, 1234,5 or with spaces as thousands separators; null if empty. */
export function parseAmount(raw: string): number | null | "invalid" {
  const text = raw
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(",", ".");
  if (text === "" || text.toUpperCase() === "NULL") return null;
  if (!/^-?\d+(\.\d+)?$/.test(text)) return "invalid";
  return Number(text);
}

/** French postal code (5 digits) or null when empty; "invalid" otherwise. */
export function parsePostalCode(raw: string): string | null | "invalid" {
  const text = raw.trim();
  if (text === "") return null;
  return /^\d{5}$/.test(text) ? text : "invalid";
}
