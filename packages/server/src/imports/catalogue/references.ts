import { nsfGroupOfCfd } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";

export interface DiplomaRef {
  label: string;
  rncpCode: string | null;
  level: number | null;
}

/**
 * The reference data a catalogue record is completed with, held in memory for the whole import
 * (a few tens of thousands of small rows): diplomas by CFD and by RNCP, RNCP → ROME links, ROME 4.0
 * parents, commune centres, and the usual ROME codes of each diploma domain (NSF group).
 */
export interface CatalogueReferences {
  diploma(cfd: string): DiplomaRef | undefined;
  diplomaByRncp(rncp: string): DiplomaRef | undefined;
  romesOfRncp(rncp: string): readonly string[] | undefined;
  romesOfNsfGroup(group: string): readonly string[] | undefined;
  parentOf(romeCode: string): string | undefined;
  commune(inseeCode: string): { name: string; postalCode: string | null; lat: number; lon: number } | undefined;
}

/** ROME codes kept for a diploma domain: the most frequent among its diplomas' RNCP links. */
const ROMES_PER_DOMAIN = 3;

/** The ROME codes most linked to the diplomas of each NSF group, most frequent first. */
export function romesByNsfGroup(
  diplomas: Iterable<{ cfd: string; rncpCode: string | null }>,
  romesOfRncp: (rncp: string) => readonly string[] | undefined,
): Map<string, string[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const d of diplomas) {
    const group = nsfGroupOfCfd(d.cfd);
    const romes = d.rncpCode ? romesOfRncp(d.rncpCode) : undefined;
    if (!group || !romes) continue;
    const byRome = counts.get(group) ?? new Map<string, number>();
    for (const rome of romes) byRome.set(rome, (byRome.get(rome) ?? 0) + 1);
    counts.set(group, byRome);
  }
  const out = new Map<string, string[]>();
  for (const [group, byRome] of counts) {
    const ranked = [...byRome].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    out.set(
      group,
      ranked.slice(0, ROMES_PER_DOMAIN).map(([rome]) => rome),
    );
  }
  return out;
}

export async function loadCatalogueReferences(db: Kysely<Database>): Promise<CatalogueReferences> {
  const [diplomaRows, links, fiches, communes] = await Promise.all([
    db.selectFrom("diplomas").select(["cfd", "label", "rncp_code", "level"]).execute(),
    db.selectFrom("rncp_romes").select(["rncp_code", "rome_code"]).orderBy("rncp_code").orderBy("rome_code").execute(),
    db.selectFrom("rome_fiches").select(["rome_code", "parent_rome_code"]).execute(),
    db.selectFrom("communes").select(["insee_code", "name", "postal_codes", "lat", "lon"]).execute(),
  ]);
  const diplomas = new Map<string, DiplomaRef>();
  const byRncp = new Map<string, DiplomaRef>();
  for (const d of diplomaRows) {
    const rncpCode = d.rncp_code && /^RNCP\d+$/.test(d.rncp_code) ? d.rncp_code : null;
    const ref = { label: d.label, rncpCode, level: d.level };
    diplomas.set(d.cfd, ref);
    if (rncpCode && !byRncp.has(rncpCode)) byRncp.set(rncpCode, ref);
  }
  const romes = new Map<string, string[]>();
  for (const l of links) {
    const list = romes.get(l.rncp_code) ?? [];
    list.push(l.rome_code);
    romes.set(l.rncp_code, list);
  }
  const parents = new Map(fiches.map((f) => [f.rome_code, f.parent_rome_code]));
  const communeByCode = new Map(
    communes.map((c) => [
      c.insee_code,
      { name: c.name, postalCode: c.postal_codes[0] ?? null, lat: c.lat, lon: c.lon },
    ]),
  );
  const nsf = romesByNsfGroup(
    diplomaRows.map((d) => ({ cfd: d.cfd, rncpCode: d.rncp_code })),
    (rncp) => romes.get(rncp),
  );
  return {
    diploma: (cfd) => diplomas.get(cfd),
    diplomaByRncp: (rncp) => byRncp.get(rncp),
    romesOfRncp: (rncp) => romes.get(rncp),
    romesOfNsfGroup: (group) => nsf.get(group),
    parentOf: (code) => parents.get(code),
    commune: (code) => communeByCode.get(code),
  };
}
