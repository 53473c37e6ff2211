import { createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { luhnCheckDigit, mulberry32, weightedPicker } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../packages/server/src/db/database.js";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Deterministic PRNG, so that every run measures the same catalogue and the same queries. */
export interface Commune {
  lat: number;
  lon: number;
  population: number;
  insee: string;
}

/** Picks communes weighted by population (where training centres and offers are). */
export function communePicker(communes: Commune[], random: () => number) {
  return weightedPicker(communes, (c) => c.population, random);
}

function siretOf(i: number): string {
  const siren8 = String(60_000_000 + i);
  const siren = `${siren8}${luhnCheckDigit(siren8)}`;
  return `${siren}0001${luhnCheckDigit(`${siren}0001`)}`;
}

export async function loadCommunes(db: Kysely<Database>): Promise<Commune[]> {
  const rows = await db
    .selectFrom("communes")
    .select(["lat", "lon", "population", "insee_code"])
    .where("kind", "!=", "city_with_arrondissements")
    .orderBy("insee_code")
    .execute();
  return rows.map((r) => ({ lat: r.lat, lon: r.lon, population: r.population, insee: r.insee_code }));
}

/**
 * A catalogue export of `trainings` records (the national catalogue's JSON shape), reused from
 * bench/.cache when present: one organisation per ten trainings, in communes weighted by
 * population, each training certifying a real RNCP code that has ROME links; 90 % of organisations
 * certified, 95 % with an address.
 */
export async function catalogueFile(db: Kysely<Database>, trainings: number, seed: number): Promise<string> {
  const dir = path.join(here, ".cache", "cfa");
  const file = path.join(dir, `catalogue-${trainings}-${seed}.json`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const random = mulberry32(seed);
  const pick = communePicker(await loadCommunes(db), random);
  const rncps = (await db.selectFrom("rncp_romes").select("rncp_code").distinct().orderBy("rncp_code").execute()).map(
    (r) => r.rncp_code,
  );
  const tmp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  const write = (text: string) =>
    new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once("drain", () => resolve())));
  await write("[\n");
  const perOrganisation = 10;
  let place: Commune = pick();
  for (let i = 0; i < trainings; i++) {
    const org = Math.floor(i / perOrganisation);
    if (i % perOrganisation === 0) place = pick();
    const record = {
      cle_ministere_educatif: `bench-${i}`,
      etablissement_formateur_siret: siretOf(org),
      etablissement_gestionnaire_siret: siretOf(org),
      etablissement_formateur_entreprise_raison_sociale: `CFA BENCH ${org}`,
      etablissement_formateur_courriel: org % 20 === 0 ? null : `contact@cfa-bench-${org}.test`,
      etablissement_formateur_certifie_qualite: org % 10 !== 3,
      intitule_long: `FORMATION BENCH ${i}`,
      niveau: `${3 + Math.floor(random() * 5)} (bench)`,
      rncp_code: rncps[Math.floor(random() * rncps.length)],
      // Most trainings at the centre, some at a site up to ~20 km away.
      lieu_formation_geo_coordonnees: `${place.lat + (random() < 0.7 ? 0 : (random() - 0.5) * 0.35)},${place.lon + (random() < 0.7 ? 0 : (random() - 0.5) * 0.5)}`,
      code_commune_insee: place.insee,
      periode: ["2026-09"],
    };
    await write(`${i === 0 ? "" : ",\n"}${JSON.stringify(record)}`);
  }
  await write("\n]\n");
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  renameSync(tmp, file);
  return file;
}
