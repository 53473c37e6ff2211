import path from "node:path";
import { fileURLToPath } from "node:url";
import { readTable } from "../parse/lines.js";
import type { AlgoReference } from "./types.js";

/** data/reference of the repository, whatever the working directory. */
export const defaultReferenceDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../data/reference",
);

/** Loads and indexes the reference files the algorithm uses (≈ 0.3 s). */
export async function loadAlgoReference(dir = defaultReferenceDir): Promise<AlgoReference> {
  const f = (p: string) => path.join(dir, p);
  const [
    nafRows,
    sectionRows,
    prefixRows,
    mappingRows,
    romeRows,
    tensionRows,
    bandRows,
    communeRows,
    depRows,
    regRows,
  ] = await Promise.all([
    readTable(f("naf/naf_labels.csv.gz"), "|"),
    readTable(f("naf/naf_section_labels.csv.gz"), ","),
    readTable(f("naf/naf_section_to_prefix.csv.gz"), ","),
    readTable(f("naf/rome_naf_mapping.csv.gz"), ","),
    readTable(f("naf/rome_labels.csv.gz"), "|"),
    readTable(f("naf/metiers_tension.csv.gz"), ","),
    readTable(f("naf/effectif_labels.csv.gz"), ","),
    readTable(f("geo/datasfun_communes.csv.gz"), ","),
    readTable(f("geo/datasfun_departements.csv.gz"), ","),
    readTable(f("geo/datasfun_regions.csv.gz"), ","),
  ]);

  const sections = { codes: sectionRows.map((r) => r.code ?? ""), labels: sectionRows.map((r) => r.label ?? "") };
  const sectionIndex = new Map(sections.codes.map((c, i) => [c, i]));
  const sectionOfPrefix = new Map(
    prefixRows.map((r) => [r.naf_prefix2 ?? "", sectionIndex.get(r.naf_section_code ?? "") ?? 0]),
  );

  const nafCodes = nafRows.map((r) => (r.naf_id ?? "").trim());
  const naf = {
    codes: nafCodes,
    labels: nafRows.map((r) => (r.naf_label ?? "").trim()),
    section: Uint8Array.from(nafCodes, (c) => sectionOfPrefix.get(c.slice(0, 2)) ?? 0),
    division: Uint8Array.from(nafCodes, (c) => Number(c.slice(0, 2)) || 0),
    index: new Map(nafCodes.map((c, i) => [c, i])),
    hirings: new Float64Array(nafCodes.length),
  };

  const tensionByRome = new Map<string, number>();
  for (const t of tensionRows) {
    const pct = Number(t.tension_pct);
    const code = t.rome_code ?? "";
    // A ROME code can belong to several job families: keep the highest tension.
    if (/^[A-N]\d{4}$/.test(code) && Number.isFinite(pct))
      tensionByRome.set(code, Math.max(pct, tensionByRome.get(code) ?? 0));
  }
  const romeCodes = romeRows.map((r) => r.rome_id ?? "");
  const romes = {
    codes: romeCodes,
    labels: romeRows.map((r) => r.rome_label ?? ""),
    index: new Map(romeCodes.map((c, i) => [c, i])),
    tensionPct: Float32Array.from(romeCodes, (c) => tensionByRome.get(c) ?? Number.NaN),
  };

  const pairs = new Map<number, Map<number, number>>();
  for (const m of mappingRows) {
    const ni = naf.index.get(m.naf_id ?? "");
    const ri = romes.index.get(m.rome_id ?? "");
    const hires = Number(m.hirings);
    if (ni === undefined || ri === undefined || !(hires > 0)) continue;
    naf.hirings[ni] = (naf.hirings[ni] as number) + hires;
    const row = pairs.get(ni) ?? new Map<number, number>();
    row.set(ri, (row.get(ri) ?? 0) + hires);
    pairs.set(ni, row);
  }
  const affinity = buildAffinity(nafCodes, pairs);

  const sizeBands = buildSizeBands(bandRows);
  const regions = { codes: regRows.map((r) => r.insee_reg ?? ""), names: regRows.map((r) => r.region ?? "") };
  const regionIndex = new Map(regions.codes.map((c, i) => [c, i]));
  const depCodes = depRows.map((r) => r.insee_dep ?? "");
  const departements = {
    codes: depCodes,
    names: depRows.map((r) => r.departement ?? ""),
    region: Uint8Array.from(depRows, (r) => regionIndex.get(r.insee_reg ?? "") ?? 0),
    index: new Map(depCodes.map((c, i) => [c, i])),
  };
  return {
    naf,
    sections,
    romes,
    affinity,
    sizeBands,
    communes: buildCommunes(communeRows, departements.index),
    departements,
    regions,
  };
}

function buildAffinity(nafCodes: string[], pairs: Map<number, Map<number, number>>): AlgoReference["affinity"] {
  // Groups by code prefix, so that a NAF code missing from the mapping borrows its group's mix.
  const byPrefix = new Map<string, Map<number, number>>();
  for (const [ni, row] of pairs) {
    for (const len of [3, 2]) {
      const key = (nafCodes[ni] as string).slice(0, len);
      const acc = byPrefix.get(key) ?? new Map<number, number>();
      for (const [ri, h] of row) acc.set(ri, (acc.get(ri) ?? 0) + h);
      byPrefix.set(key, acc);
    }
  }
  const offsets = new Int32Array(nafCodes.length + 1);
  const rome: number[] = [];
  const share: number[] = [];
  nafCodes.forEach((code, ni) => {
    const row = pairs.get(ni) ?? byPrefix.get(code.slice(0, 3)) ?? byPrefix.get(code.slice(0, 2));
    if (row) {
      let total = 0;
      for (const h of row.values()) total += h;
      const sorted = [...row].sort((a, b) => b[1] - a[1]);
      for (const [ri, h] of sorted) {
        rome.push(ri);
        share.push(h / total);
      }
    }
    offsets[ni + 1] = rome.length;
  });
  return { offsets, rome: Uint16Array.from(rome), share: Float32Array.from(share) };
}

function buildSizeBands(rows: Record<string, string>[]): AlgoReference["sizeBands"] {
  const codes = rows.map((r) => r.code ?? "");
  const bounds = rows.map((r) => {
    const label = r.label ?? "";
    const m = /^(\d+)(?:-(\d+)|\+)$/.exec(label);
    if (!m) throw new Error(`Tranche d'effectif illisible : « ${label} »`);
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo * 2 : Number(m[2]);
    return { lo, mid: hi === 0 ? 0.5 : Math.sqrt(Math.max(lo, 1) * hi) };
  });
  return {
    codes,
    labels: rows.map((r) => r.label ?? ""),
    lower: Float32Array.from(bounds, (b) => b.lo),
    mid: Float32Array.from(bounds, (b) => b.mid),
    index: new Map(codes.map((c, i) => [c, i])),
  };
}

function buildCommunes(rows: Record<string, string>[], depIndex: Map<string, number>): AlgoReference["communes"] {
  // One row per commune: COMD rows are former communes inside a current one (counted twice otherwise).
  const kept = new Map<string, Record<string, string>>();
  const postal = new Map<string, { commune: string; population: number }>();
  for (const r of rows) {
    if (r.commune_type === "COMD") continue;
    const insee = r.insee_com ?? "";
    if (!kept.has(insee)) kept.set(insee, r);
    const pop = Number(r.population_2021) || 0;
    const cp = r.code_postal ?? "";
    const prev = postal.get(cp);
    if (!prev || prev.population < pop) postal.set(cp, { commune: insee, population: pop });
  }
  const list = [...kept.values()];
  const index = new Map(list.map((r, i) => [r.insee_com ?? "", i]));
  const byPostalCode = new Map<string, number>();
  for (const [cp, p] of postal) byPostalCode.set(cp, index.get(p.commune) ?? 0);
  return {
    insee: list.map((r) => r.insee_com ?? ""),
    names: list.map((r) => r.commune_article || r.commune || ""),
    postalCode: list.map((r) => r.code_postal ?? ""),
    departement: Uint8Array.from(list, (r) => depIndex.get(r.insee_dep ?? "") ?? 255),
    population: Float64Array.from(list, (r) => Number(r.population_2021) || 0),
    lat: Float32Array.from(list, (r) => Number(r.lat)),
    lng: Float32Array.from(list, (r) => Number(r.lng)),
    index,
    byPostalCode,
  };
}
