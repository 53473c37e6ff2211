import { CONTRACT_APP, CONTRACT_PRO } from "../data/events.js";
import type { Day } from "../time/day.js";
import { checkSiret, parseDataDay, parsePostalCode, type RowOutcome, record, rejected, skipped } from "./common.js";

/** One apprenticeship (APP) or professionalisation (PRO) contract start. */
export interface ContractRecord {
  siret: string;
  day: Day;
  kind: typeof CONTRACT_APP | typeof CONTRACT_PRO;
  postalCode: string | null;
}

/**
 * Parses a line of a contract extract `SIRET;Date debut contrat;Type contrat;Code postal`
 * (dates 01/12/2018 as in the extracts, or 2018-12-01). The header line is skipped.
 */
export function parseContractLine(line: string): RowOutcome<ContractRecord> {
  const cells = line.split(";");
  if (cells.length < 3) return rejected(`ligne incomplète : ${cells.length} colonne(s) au lieu de 4`);
  const [rawSiret = "", rawDate = "", rawType = "", rawPostal = ""] = cells;
  if (rawSiret.trim().toUpperCase() === "SIRET") return skipped("ligne d'en-tête");
  const siret = checkSiret(rawSiret);
  if ("reason" in siret) return rejected(siret.reason);
  const day = parseDataDay(rawDate);
  if (day === null) return rejected(`date de début « ${rawDate.trim()} » illisible (JJ/MM/AAAA ou AAAA-MM-JJ attendu)`);
  const type = rawType.trim().toUpperCase();
  if (type !== "APP" && type !== "PRO")
    return rejected(`type de contrat « ${rawType.trim()} » inconnu (APP ou PRO attendu)`);
  const postalCode = parsePostalCode(rawPostal);
  if (postalCode === "invalid") return rejected(`code postal « ${rawPostal.trim()} » invalide (5 chiffres attendus)`);
  return record({ siret: siret.siret, day, kind: type === "APP" ? CONTRACT_APP : CONTRACT_PRO, postalCode });
}
