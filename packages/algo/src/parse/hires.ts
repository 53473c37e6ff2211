import { siretProblem } from "@tremplin/core/rules/siret";
import { HIRE_CDD, HIRE_CDI } from "../data/events.js";
import type { Day } from "../time/day.js";
import { checkSiret, parseDataDay, type RowOutcome, record, rejected, skipped } from "./common.js";

/** One hire other than apprenticeship that counts: a CDI, or a CDD of more than one month. */
export interface HireRecord {
  siret: string;
  day: Day;
  kind: typeof HIRE_CDD | typeof HIRE_CDI;
  /** Classic ROME code of the job when the source gives it (declaration extracts), else null. */
  rome: string | null;
}

/** A CDD must last more than this to count as a hire (the "more than one month" rule). */
export const MIN_CDD_DAYS = 31;

const DPAE_COLUMNS = 27;

function classify(
  siretRaw: string,
  dateRaw: string,
  type: "CDI" | "CDD" | "TEMP" | null,
  typeRaw: string,
  endRaw: string,
  romeRaw: string,
): RowOutcome<HireRecord> {
  const siret = checkSiret(siretRaw);
  if ("reason" in siret) return rejected(siret.reason);
  const day = parseDataDay(dateRaw);
  if (day === null) return rejected(`date d'embauche « ${dateRaw.trim()} » illisible`);
  if (type === null) return rejected(`type de contrat « ${typeRaw.trim()} » inconnu (CDI, CDD, ou 1, 2, 3)`);
  if (type === "TEMP") return skipped("contrat de travail temporaire (intérim) : non retenu");
  const rome = /^[A-N]\d{4}$/.test(romeRaw.trim()) ? romeRaw.trim() : null;
  if (type === "CDI") return record({ siret: siret.siret, day, kind: HIRE_CDI, rome });
  if (endRaw.trim() !== "" && endRaw.trim().toUpperCase() !== "NULL") {
    const end = parseDataDay(endRaw);
    if (end === null) return rejected(`date de fin de CDD « ${endRaw.trim()} » illisible`);
    if (end < day) return rejected("date de fin de CDD antérieure à la date d'embauche");
    if (end - day < MIN_CDD_DAYS) return skipped("CDD d'un mois ou moins : non retenu");
  }
  return record({ siret: siret.siret, day, kind: HIRE_CDD, rome });
}

/**
 * Parses a line of either hire format:
 * - `siret;date;contractType[;endDate]` with contractType CDI or CDD (endDate, optional, filters
 *   CDD of one month or less);
 * - the 27-column pipe-separated declaration extract (`kc_siret|…|kd_dateembauche|
 *   dc_typecontrat_id|dd_datefincdd|dc_romev3_1_id|…`), contract type 1 = CDD, 2 = CDI, 3 = temp.
 */
export function parseHireLine(line: string): RowOutcome<HireRecord> {
  const fast = simpleHire(line);
  if (fast) return fast;
  if (line.includes("|")) {
    const c = line.split("|");
    if (c[0]?.trim() === "kc_siret") return skipped("ligne d'en-tête");
    if (c.length !== DPAE_COLUMNS) return rejected(`déclaration d'embauche : ${c.length} colonnes au lieu de 27`);
    const code = (c[8] ?? "").trim();
    const type = code === "1" ? "CDD" : code === "2" ? "CDI" : code === "3" ? "TEMP" : null;
    return classify(c[0] ?? "", c[7] ?? "", type, code, c[9] ?? "", c[10] ?? "");
  }
  const c = line.split(";");
  if (c[0]?.trim().toLowerCase() === "siret") return skipped("ligne d'en-tête");
  if (c.length < 3) return rejected(`ligne incomplète : ${c.length} colonne(s) au lieu de 3`);
  const raw = (c[2] ?? "").trim().toUpperCase();
  const type =
    raw === "CDI" || raw === "2"
      ? "CDI"
      : raw === "CDD" || raw === "1"
        ? "CDD"
        : raw === "3" || raw === "CTT"
          ? "TEMP"
          : null;
  return classify(c[0] ?? "", c[1] ?? "", type, c[2] ?? "", c[3] ?? "", "");
}

/**
 * The common case `00000000000000;AAAA-MM-JJ;CDI` (or CDD) without splitting or trimming: 51 M lines
 * for the national extract, where the general path costs twice as much. Anything else (or any
 * problem) returns null and takes the general path, so outcomes are the same.
 */
function simpleHire(line: string): RowOutcome<HireRecord> | null {
  if (line.length !== 29 || line.charCodeAt(14) !== 59 || line.charCodeAt(25) !== 59) return null;
  const type = line.slice(26);
  if (type !== "CDI" && type !== "CDD") return null;
  const siret = line.slice(0, 14);
  if (siretProblem(siret) !== null) return null;
  const day = parseDataDay(line.slice(15, 25));
  if (day === null) return null;
  return record({ siret, day, kind: type === "CDI" ? HIRE_CDI : HIRE_CDD, rome: null });
}
