import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import { upsertIdccs } from "../imports/idcc/import-idcc.js";
import { upsertEstablishments, upsertLegalUnits } from "../imports/sirene/loader.js";
import { type DemoCommune, demoSiret, generateDemoCompanies } from "./companies-data.js";
import type { DemoSeeder } from "./load-demo.js";

async function loadCommunes(db: Kysely<Database>): Promise<DemoCommune[]> {
  const rows = await db
    .selectFrom("communes")
    .select(["insee_code", "name", "postal_codes", "lat", "lon", "population"])
    // Arrondissements carry the postal codes of Paris, Lyon and Marseille; the cities themselves do too.
    .where("kind", "!=", "city_with_arrondissements")
    .execute();
  return rows.map((c) => ({
    inseeCode: c.insee_code,
    name: c.name,
    postalCode: c.postal_codes[0] ?? "",
    lat: c.lat,
    lon: c.lon,
    population: c.population,
  }));
}

/** Loads the fictional company directory through the importer's own loaders. */
export const companiesDemoSeeder: DemoSeeder = {
  name: "annuaire d'entreprises fictives",
  async isLoaded(db) {
    const row = await db
      .selectFrom("establishments")
      .select("siret")
      .where("siret", "=", demoSiret(0))
      .executeTakeFirst();
    return row !== undefined;
  },
  async load(db, _options, report) {
    const companies = generateDemoCompanies(await loadCommunes(db));
    await db.transaction().execute(async (trx) => {
      await upsertLegalUnits(
        trx,
        companies.map((c) => ({ siren: c.siren, name: c.legalName, legalCategory: "5710" })),
      );
      for (let i = 0; i < companies.length; i += 1_000) {
        await upsertEstablishments(
          trx,
          companies.slice(i, i + 1_000).map((c) => ({
            siret: c.siret,
            siren: c.siren,
            brand: c.brand,
            nafCode: c.nafCode,
            headcountBand: c.headcountBand,
            street: c.street,
            postalCode: c.postalCode,
            city: c.city,
            inseeCode: c.inseeCode,
            lat: c.lat,
            lon: c.lon,
            geoPrecision: "address",
            adminState: c.adminState,
            diffusion: c.diffusion,
            createdOn: c.createdOn,
          })),
        );
      }
      await upsertIdccs(
        trx,
        companies.flatMap((c) =>
          c.idcc === null ? [] : [{ siret: c.siret, idcc: c.idcc, month: "2026-01", updatedOn: "2026-02-01" }],
        ),
      );
    });
    const cfas = companies.filter((c) => c.kind === "trainingOrganisation").length;
    report(`  ${companies.length} établissements fictifs, dont ${cfas} organismes de formation.`);
  },
};
