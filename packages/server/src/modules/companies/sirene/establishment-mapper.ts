import { normalizeNafCode, siretProblem } from "@tremplin/core";
import { projectionForCommune, toWgs84 } from "./projection.js";
import type { StockRow } from "./stock-row.js";

/** Columns of StockEtablissement the importer reads (the file has ~50; see fixtures/). */
export const establishmentColumns = [
  "siren",
  "siret",
  "statutDiffusionEtablissement",
  "dateCreationEtablissement",
  "trancheEffectifsEtablissement",
  "numeroVoieEtablissement",
  "indiceRepetitionEtablissement",
  "typeVoieEtablissement",
  "libelleVoieEtablissement",
  "codePostalEtablissement",
  "libelleCommuneEtablissement",
  "codeCommuneEtablissement",
  "coordonneeLambertAbscisseEtablissement",
  "coordonneeLambertOrdonneeEtablissement",
  "etatAdministratifEtablissement",
  "enseigne1Etablissement",
  "denominationUsuelleEtablissement",
  "activitePrincipaleEtablissement",
] as const;

/** The columns a file must have; the others may be absent (older extracts). */
export const requiredEstablishmentColumns = ["siret", "etatAdministratifEtablissement"] as const;

/** What the loader writes for one establishment (name comes from legal_units in SQL). */
export interface EstablishmentRecord {
  siret: string;
  siren: string;
  brand: string | null;
  nafCode: string | null;
  headcountBand: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  inseeCode: string | null;
  lat: number | null;
  lon: number | null;
  adminState: "A" | "F";
  diffusion: "O" | "P" | "N";
  createdOn: string | null;
}

export type MapResult = { record: EstablishmentRecord } | { reject: string };

/** INSEE masks the fields of partially diffusible establishments with "[ND]". */
export function clean(value: string): string | null {
  const v = value.trim();
  return v === "" || v === "[ND]" ? null : v;
}

/** Street types as INSEE abbreviates them; the rare others stay abbreviated. */
const streetTypes: Record<string, string> = {
  ALL: "ALLEE",
  AV: "AVENUE",
  BD: "BOULEVARD",
  CAR: "CARREFOUR",
  CHE: "CHEMIN",
  CHS: "CHAUSSEE",
  CRS: "COURS",
  FG: "FAUBOURG",
  IMP: "IMPASSE",
  LD: "LIEU-DIT",
  PL: "PLACE",
  PROM: "PROMENADE",
  QU: "QUAI",
  RTE: "ROUTE",
  SQ: "SQUARE",
};
const repetition: Record<string, string> = { B: "BIS", T: "TER", Q: "QUATER", C: "QUINQUIES" };

function street(row: StockRow): string | null {
  const parts = [
    clean(row.get("numeroVoieEtablissement")),
    clean(row.get("indiceRepetitionEtablissement")),
    clean(row.get("typeVoieEtablissement")),
    clean(row.get("libelleVoieEtablissement")),
  ];
  const [number, rep, type, label] = parts;
  if (!label) return null;
  const head = [number, rep ? (repetition[rep] ?? rep) : null].filter(Boolean).join(" ");
  return [head, type ? (streetTypes[type] ?? type) : null, label].filter(Boolean).join(" ");
}

const dateRe = /^\d{4}-\d{2}-\d{2}$/;

/** Position from Sirene's projected coordinates, or null (the loader falls back to the commune). */
function position(row: StockRow, inseeCode: string | null): [number, number] | null {
  if (!inseeCode) return null;
  const x = Number.parseFloat(row.get("coordonneeLambertAbscisseEtablissement"));
  const y = Number.parseFloat(row.get("coordonneeLambertOrdonneeEtablissement"));
  if (!Number.isFinite(x) || !Number.isFinite(y) || (x === 0 && y === 0)) return null;
  const projection = projectionForCommune(inseeCode);
  if (!projection) return null;
  const [lat, lon] = toWgs84(projection, x, y);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return [Math.round(lat * 1e6) / 1e6, Math.round(lon * 1e6) / 1e6];
}

/** Checks and maps one StockEtablissement row; rejects say why in French. */
export function mapEstablishment(row: StockRow): MapResult {
  const siret = row.get("siret").trim();
  const problem = siretProblem(siret);
  if (problem === "format") return { reject: siret ? "SIRET mal formé (14 chiffres attendus)" : "SIRET absent" };
  if (problem === "checksum") return { reject: "SIRET dont la clé de contrôle est fausse" };
  const siren = row.get("siren").trim();
  if (siren && siren !== siret.slice(0, 9)) return { reject: "SIREN différent des 9 premiers chiffres du SIRET" };
  const state = row.get("etatAdministratifEtablissement").trim();
  if (state !== "A" && state !== "F") return { reject: "état administratif absent ou inconnu (A ou F attendu)" };
  const diffusion = row.get("statutDiffusionEtablissement").trim() || "O";
  if (diffusion !== "O" && diffusion !== "P" && diffusion !== "N")
    return { reject: "statut de diffusion inconnu (O, P ou N attendu)" };
  const naf = clean(row.get("activitePrincipaleEtablissement"));
  const band = clean(row.get("trancheEffectifsEtablissement"));
  const created = clean(row.get("dateCreationEtablissement"));
  const inseeCode = clean(row.get("codeCommuneEtablissement"));
  const where = position(row, inseeCode);
  return {
    record: {
      siret,
      siren: siret.slice(0, 9),
      brand: clean(row.get("enseigne1Etablissement")) ?? clean(row.get("denominationUsuelleEtablissement")),
      nafCode: naf ? normalizeNafCode(naf) : null,
      headcountBand: band,
      street: street(row),
      postalCode: clean(row.get("codePostalEtablissement")),
      city: clean(row.get("libelleCommuneEtablissement")),
      inseeCode,
      lat: where ? where[0] : null,
      lon: where ? where[1] : null,
      adminState: state,
      diffusion,
      createdOn: created && dateRe.test(created) ? created : null,
    },
  };
}
