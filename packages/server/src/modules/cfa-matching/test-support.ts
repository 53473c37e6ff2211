import type { Kysely } from "kysely";
import { newSiret } from "../../../test/fixtures.js";
import type { Database } from "../../db/database.js";
import { loadCatalogueBatch } from "../../imports/catalogue/loader.js";
import type { MappedOrganisation, MappedTraining } from "../../imports/catalogue/record-mapper.js";

/** Lyon, where the test recruiters' establishments are (test/fixtures.ts). */
export const LYON = { lat: 45.7597, lon: 4.8357 };

/** A point `km` east of `from` (good to ~0.1 % at these distances). */
export function eastOf(from: { lat: number; lon: number }, km: number) {
  return { lat: from.lat, lon: from.lon + km / (111.32 * Math.cos((from.lat * Math.PI) / 180)) };
}

export interface FixtureCfa {
  name: string;
  km: number;
  romes: string[];
  certified?: boolean;
  email?: string | null;
  trainings?: number;
  level?: number;
}

let counter = 0;

/**
 * Loads CFAs through the importer's own loader: each with `trainings` trainings (default 1) at
 * `km` east of Lyon, leading to `romes`. Returns the SIRET of each, by name.
 */
export async function loadFixtureCatalogue(db: Kysely<Database>, cfas: FixtureCfa[]): Promise<Record<string, string>> {
  const sirets: Record<string, string> = {};
  const records: Array<{ organisation: MappedOrganisation; training: MappedTraining }> = [];
  for (const cfa of cfas) {
    const siret = newSiret("78");
    sirets[cfa.name] = siret;
    const place = eastOf(LYON, cfa.km);
    for (let i = 0; i < (cfa.trainings ?? 1); i++) {
      counter++;
      records.push({
        organisation: {
          siret,
          uai: null,
          name: cfa.name,
          street: "1 RUE DES ESSAIS",
          postalCode: "69000",
          city: `Ville à ${cfa.km} km`,
          inseeCode: null,
          lat: place.lat,
          lon: place.lon,
          email: cfa.email === undefined ? `contact-${counter}@cfa-fictif.test` : cfa.email,
          qualityCertified: cfa.certified ?? true,
        },
        training: {
          sourceKey: `catalogue:fixture-${counter}`,
          source: "catalogue",
          title: `Formation ${cfa.romes.join("/")} n° ${i + 1} de ${cfa.name}`,
          cfd: null,
          rncpCode: null,
          diplomaLevel: cfa.level ?? 3,
          street: null,
          postalCode: null,
          city: `Ville à ${cfa.km} km`,
          inseeCode: null,
          // Trainings of one CFA a few hundred metres apart, the first one at exactly `km`.
          lat: place.lat + i * 0.003,
          lon: place.lon,
          romeCodes: cfa.romes,
          romeSource: "catalogue",
          startMonths: ["2026-09"],
        },
      });
    }
  }
  const parents = new Map(
    (await db.selectFrom("rome_fiches").select(["rome_code", "parent_rome_code"]).execute()).map((f) => [
      f.rome_code,
      f.parent_rome_code,
    ]),
  );
  await loadCatalogueBatch(db, records, { now: new Date(), defaultCertified: true, parentOf: (c) => parents.get(c) });
  return sirets;
}
