import { checkSiren, parseAmount, type RowOutcome, record, rejected, skipped } from "./common.js";

/**
 * Financial data of a company for one fiscal year (format defined in docs/algorithm.md):
 * `siren;annee;chiffre_affaires;resultat_net;effectif`, amounts in euros (decimal point or comma),
 * optional cells empty. `annee` is the year the fiscal year closes.
 */
export interface FinanceRecord {
  siren: string;
  year: number;
  revenue: number | null;
  netResult: number | null;
  headcount: number | null;
}

export function parseFinanceLine(line: string): RowOutcome<FinanceRecord> {
  const c = line.split(";");
  if (c[0]?.trim().toLowerCase() === "siren") return skipped("ligne d'en-tête");
  if (c.length < 5) return rejected(`ligne incomplète : ${c.length} colonne(s) au lieu de 5`);
  const siren = checkSiren(c[0] ?? "");
  if ("reason" in siren) return rejected(siren.reason);
  const year = Number((c[1] ?? "").trim());
  if (!Number.isInteger(year) || year < 1990 || year > 2100)
    return rejected(`année « ${(c[1] ?? "").trim()} » invalide`);
  const revenue = parseAmount(c[2] ?? "");
  const netResult = parseAmount(c[3] ?? "");
  const headcount = parseAmount(c[4] ?? "");
  if (revenue === "invalid") return rejected(`chiffre d'affaires « ${(c[2] ?? "").trim()} » illisible`);
  if (netResult === "invalid") return rejected(`résultat net « ${(c[3] ?? "").trim()} » illisible`);
  if (headcount === "invalid") return rejected(`effectif « ${(c[4] ?? "").trim()} » illisible`);
  if (revenue !== null && revenue < 0) return rejected("chiffre d'affaires négatif");
  if (headcount !== null && headcount < 0) return rejected("effectif négatif");
  if (revenue === null && netResult === null && headcount === null)
    return skipped("aucune donnée financière sur la ligne");
  return record({ siren: siren.siren, year, revenue, netResult, headcount });
}
