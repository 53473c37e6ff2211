import type { Day } from "../time/day.js";
import { checkSiret, parseDataDay, parsePostalCode, type RowOutcome, record, rejected, skipped } from "./common.js";

/** What the algorithm needs to know about an establishment. */
export interface EstablishmentRecord {
  siret: string;
  naf: string;
  /** INSEE headcount band code (00, 01, 02, 03, 11 … 53) or null when unknown. */
  sizeBand: string | null;
  created: Day | null;
  /** INSEE commune code, or null (then the postal code places it). */
  commune: string | null;
  postalCode: string | null;
  closed: Day | null;
  trainingOrganisation: boolean;
}

const NAF = /^\d{4}[A-Z]$/;
const BAND = /^(00|01|02|03|11|12|21|22|31|32|41|42|51|52|53)$/;
const COMMUNE = /^(\d{5}|2[AB]\d{3})$/;
const LBB_COLUMNS = 22;

function build(
  siretRaw: string,
  nafRaw: string,
  bandRaw: string,
  createdRaw: string,
  communeRaw: string,
  postalRaw: string,
  closedRaw: string,
  trainingRaw: string,
): RowOutcome<EstablishmentRecord> {
  const siret = checkSiret(siretRaw);
  if ("reason" in siret) return rejected(siret.reason);
  const naf = nafRaw.trim().replace(".", "").toUpperCase();
  if (!NAF.test(naf)) return rejected(`code NAF « ${nafRaw.trim()} » invalide (4 chiffres et une lettre attendus)`);
  const band = bandRaw.trim();
  const sizeBand = band === "" || band.toUpperCase() === "NULL" || band === "NN" ? null : band;
  if (sizeBand !== null && !BAND.test(sizeBand)) return rejected(`tranche d'effectif « ${band} » inconnue`);
  const created = createdRaw.trim() === "" ? null : parseDataDay(createdRaw);
  if (createdRaw.trim() !== "" && created === null)
    return rejected(`date de création « ${createdRaw.trim()} » illisible`);
  const closed = closedRaw.trim() === "" ? null : parseDataDay(closedRaw);
  if (closedRaw.trim() !== "" && closed === null)
    return rejected(`date de fermeture « ${closedRaw.trim()} » illisible`);
  const commune = communeRaw.trim() === "" ? null : communeRaw.trim().toUpperCase();
  if (commune !== null && !COMMUNE.test(commune)) return rejected(`code commune « ${communeRaw.trim()} » invalide`);
  const postalCode = parsePostalCode(postalRaw);
  if (postalCode === "invalid") return rejected(`code postal « ${postalRaw.trim()} » invalide`);
  if (commune === null && postalCode === null)
    return rejected("ni code commune ni code postal : établissement impossible à situer");
  const flag = trainingRaw.trim().toLowerCase();
  return record({
    siret: siret.siret,
    naf,
    sizeBand,
    created,
    commune,
    postalCode,
    closed,
    trainingOrganisation: flag === "1" || flag === "o" || flag === "oui" || flag === "true",
  });
}

/**
 * Parses a line of either establishment format:
 * - `siret;naf;tranche_effectif;date_creation;code_commune;code_postal;date_fermeture;organisme_formation`
 *   (Tremplin's own, documented in docs/algorithm.md; last three cells may be empty);
 * - the 22-column pipe-separated establishment extract of the historical predictor
 *   (`dc_siretetablissement|…|dc_nafrev2_id|…|dc_commune_etablissement_id|dc_codepostal|…`).
 */
export function parseEstablishmentLine(line: string): RowOutcome<EstablishmentRecord> {
  if (line.includes("|")) {
    const c = line.split("|");
    if (c[0]?.trim() === "dc_siretetablissement") return skipped("ligne d'en-tête");
    if (c.length !== LBB_COLUMNS) return rejected(`extrait établissements : ${c.length} colonnes au lieu de 22`);
    return build(c[0] ?? "", c[3] ?? "", c[10] ?? "", c[13] ?? "", c[6] ?? "", c[7] ?? "", "", "");
  }
  const c = line.split(";");
  if (c[0]?.trim().toLowerCase() === "siret") return skipped("ligne d'en-tête");
  if (c.length < 5) return rejected(`ligne incomplète : ${c.length} colonne(s) au lieu de 8`);
  return build(c[0] ?? "", c[1] ?? "", c[2] ?? "", c[3] ?? "", c[4] ?? "", c[5] ?? "", c[6] ?? "", c[7] ?? "");
}
