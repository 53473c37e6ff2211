import { upsertAndPrune } from "../../db/bulk.js";
import type { CommunesTable } from "../../db/tables/referential.js";
import { readCsvAll } from "../csv.js";
import { referenceFiles } from "./files.js";
import { type DatasetResult, formatCount, type LoadContext, recordDataset } from "./report.js";

type CommuneRow = Omit<CommunesTable, "search_text">;

/** The three cities published only as arrondissements, and the name people type for them. */
const citiesWithArrondissements: Record<string, string> = {
  "75056": "Paris",
  "69123": "Lyon",
  "13055": "Marseille",
};

const toNumber = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : Number(v));

/**
 * The commune's name as people write it: `commune_article` holds it with its article (« Le Havre »,
 * « L'Haÿ-les-Roses »); `commune` has the article cut off (« Havre »), which is only a sort key.
 */
const communeName = (line: Record<string, string | undefined>) =>
  line.commune_article?.trim() || line.commune?.trim() || "";

/** Loads régions, départements and communes (one row per INSEE code, with all its postal codes). */
export async function loadGeo({ db, report }: LoadContext): Promise<DatasetResult> {
  const files = referenceFiles.geo;
  const [regions, departements, communeLines] = await Promise.all([
    readCsvAll(files.regions),
    readCsvAll(files.departements),
    readCsvAll(files.communes),
  ]);
  const warnings: string[] = [];

  await upsertAndPrune(
    db,
    "regions",
    "code",
    regions.map((r) => ({ code: r.insee_reg ?? "", name: r.region ?? "" })),
  );
  await upsertAndPrune(
    db,
    "departements",
    "code",
    departements.map((d) => ({
      code: d.insee_dep ?? "",
      name: d.departement ?? "",
      region_code: d.insee_reg ?? "",
      lat: Number(d.lat),
      lon: Number(d.lng),
    })),
  );

  // The source has one line per (commune, postal code), plus lines for delegated communes (COMD)
  // that share the INSEE code of the commune they merged into: they only add postal codes.
  const byCode = new Map<string, CommuneRow>();
  for (const line of communeLines) {
    const code = line.insee_com ?? "";
    const lat = toNumber(line.lat);
    const lon = toNumber(line.lng);
    const existing = byCode.get(code);
    if (existing) {
      if (line.code_postal && !existing.postal_codes.includes(line.code_postal))
        existing.postal_codes.push(line.code_postal);
      if (
        line.commune_type !== "COMD" &&
        (Number.isNaN(existing.lat) || existing.lat === 0) &&
        lat !== undefined &&
        lon !== undefined
      ) {
        existing.lat = lat;
        existing.lon = lon;
      }
      if (line.commune_type === "COM" && existing.kind === "commune")
        existing.name = communeName(line) || existing.name;
      continue;
    }
    byCode.set(code, {
      insee_code: code,
      name: communeName(line),
      departement_code: line.insee_dep ?? "",
      postal_codes: line.code_postal ? [line.code_postal] : [],
      lat: lat ?? Number.NaN,
      lon: lon ?? Number.NaN,
      population: Math.round(toNumber(line.population_2021) ?? 0),
      kind: line.commune_type === "ARM" ? "arrondissement" : "commune",
      parent_insee_code: line.commune_type === "ARM" ? line.insee_parente || null : null,
    });
  }

  // Derive Paris, Lyon and Marseille from their arrondissements: every postal code, the summed
  // population, and the population-weighted centre.
  for (const [code, name] of Object.entries(citiesWithArrondissements)) {
    const parts = [...byCode.values()].filter((c) => c.parent_insee_code === code && !Number.isNaN(c.lat));
    if (parts.length === 0) {
      warnings.push(`Aucun arrondissement trouvé pour ${name}`);
      continue;
    }
    const population = parts.reduce((s, p) => s + p.population, 0);
    const weight = (p: CommuneRow) => (population > 0 ? p.population / population : 1 / parts.length);
    byCode.set(code, {
      insee_code: code,
      name,
      departement_code: parts[0]?.departement_code ?? "",
      postal_codes: [...new Set(parts.flatMap((p) => p.postal_codes))].sort(),
      lat: Number(parts.reduce((s, p) => s + p.lat * weight(p), 0).toFixed(5)),
      lon: Number(parts.reduce((s, p) => s + p.lon * weight(p), 0).toFixed(5)),
      population,
      kind: "city_with_arrondissements",
      parent_insee_code: null,
    });
  }

  const knownDepartements = new Set(departements.map((d) => d.insee_dep));
  const rows: CommuneRow[] = [];
  for (const c of byCode.values()) {
    if (Number.isNaN(c.lat) || Number.isNaN(c.lon)) {
      warnings.push(`Commune ${c.insee_code} ${c.name} sans coordonnées : ignorée`);
      continue;
    }
    if (!knownDepartements.has(c.departement_code)) {
      warnings.push(`Commune ${c.insee_code} ${c.name} : département ${c.departement_code} inconnu, ignorée`);
      continue;
    }
    c.postal_codes.sort();
    rows.push(c);
  }
  await upsertAndPrune(db, "communes", "insee_code", rows as unknown as Record<string, unknown>[]);
  report(
    `  Communes : ${formatCount(rows.length)} communes avec coordonnées, ${departements.length} départements, ${regions.length} régions`,
  );
  await recordDataset(db, "geo", files.version, files.source, rows.length);
  return {
    name: "geo",
    counts: { communes: rows.length, departements: departements.length, regions: regions.length },
    warnings,
  };
}
