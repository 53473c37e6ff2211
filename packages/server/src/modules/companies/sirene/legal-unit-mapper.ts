import { sirenProblem } from "@tremplin/core";
import { clean } from "./establishment-mapper.js";
import type { StockRow } from "./stock-row.js";

export const requiredLegalUnitColumns = ["siren"] as const;

export interface LegalUnitRecord {
  siren: string;
  name: string | null;
  legalCategory: string | null;
}

export type LegalUnitResult = { record: LegalUnitRecord } | { reject: string };

/**
 * The name people know a company by: its denomination; for a sole trader (no denomination), the
 * person's first name and usage name (or birth name), as INSEE prints them.
 */
export function legalUnitName(row: StockRow): string | null {
  const denomination = clean(row.get("denominationUniteLegale"));
  if (denomination) return denomination;
  const lastName = clean(row.get("nomUsageUniteLegale")) ?? clean(row.get("nomUniteLegale"));
  if (!lastName) return clean(row.get("denominationUsuelle1UniteLegale"));
  const firstName = clean(row.get("prenomUsuelUniteLegale")) ?? clean(row.get("prenom1UniteLegale"));
  return firstName ? `${firstName} ${lastName}` : lastName;
}

/** Checks and maps one StockUniteLegale row. */
export function mapLegalUnit(row: StockRow): LegalUnitResult {
  const siren = row.get("siren").trim();
  const problem = sirenProblem(siren);
  if (problem === "format") return { reject: siren ? "SIREN mal formé (9 chiffres attendus)" : "SIREN absent" };
  if (problem === "checksum") return { reject: "SIREN dont la clé de contrôle est fausse" };
  return {
    record: { siren, name: legalUnitName(row), legalCategory: clean(row.get("categorieJuridiqueUniteLegale")) },
  };
}
