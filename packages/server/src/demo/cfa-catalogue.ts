import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import { loadCatalogueBatch } from "../imports/catalogue/loader.js";
import { mapCatalogueRecord } from "../imports/catalogue/record-mapper.js";
import { loadCatalogueReferences } from "../imports/catalogue/references.js";
import { demoTrainingFamilies } from "./cfa-data.js";
import { DEMO_CFA_COUNT, demoSiret } from "./companies-data.js";
import type { DemoSeeder } from "./load-demo.js";

/** The demo CFA person: signs in with this address; the showcase CFA's requests arrive there too. */
export const DEMO_CFA_EMAIL = "cfa@demo.tremplin.localhost";

function demoCfaEmail(i: number): string {
  return i === 0 ? DEMO_CFA_EMAIL : `contact.cfa-demo-${i + 1}@demo.tremplin.localhost`;
}

/**
 * Catalogue records (the export's shape) for the demo training organisations of the company
 * directory. The CFAs of one commune share the trades between them, so that every commune with a
 * CFA teaches them all (a lone CFA is a multi-trade one); most trainings are at the centre itself,
 * some at an "antenne" 5–15 km away. One CFA in ten is not quality-certified and one in twenty-five
 * has opted out of requests, so that the demo shows both exclusions; the showcase CFA (index 0) is
 * neither.
 */
export function demoCatalogueRecords(
  cfas: ReadonlyArray<{
    siret: string;
    brand: string | null;
    lat: number;
    lon: number;
    postalCode: string | null;
    city: string | null;
    inseeCode: string | null;
  }>,
): Array<Record<string, unknown>> {
  const byCommune = new Map<string, string[]>();
  for (const cfa of cfas) {
    const key = cfa.inseeCode ?? cfa.siret;
    byCommune.set(key, [...(byCommune.get(key) ?? []), cfa.siret]);
  }
  const records: Array<Record<string, unknown>> = [];
  cfas.forEach((cfa, i) => {
    const neighbours = byCommune.get(cfa.inseeCode ?? cfa.siret) ?? [cfa.siret];
    const rank = neighbours.indexOf(cfa.siret);
    demoTrainingFamilies.forEach((family, f) => {
      if (f % neighbours.length !== rank) return;
      family.diplomas.forEach((diploma, d) => {
        const antenne = (i + f + d) % 4 === 3;
        const km = antenne ? 5 + ((i * 7 + d * 3) % 11) : 0;
        records.push({
          cle_ministere_educatif: `demo-${cfa.siret}-${diploma.cfd}`,
          etablissement_formateur_siret: cfa.siret,
          etablissement_gestionnaire_siret: cfa.siret,
          etablissement_formateur_enseigne: cfa.brand,
          etablissement_formateur_courriel: demoCfaEmail(i),
          etablissement_formateur_certifie_qualite: i === 0 || i % 10 !== 7,
          cfd: diploma.cfd,
          rncp_code: diploma.rncp,
          lieu_formation_geo_coordonnees: `${cfa.lat + km / 111.32},${cfa.lon}`,
          lieu_formation_adresse: antenne ? "Antenne Démo, 2 RUE DES EXEMPLES" : "1 AVENUE DE LA DEMO",
          code_postal: cfa.postalCode,
          localite: cfa.city,
          code_commune_insee: antenne ? null : cfa.inseeCode,
          periode: ["2026-09", "2027-01"],
        });
      });
    });
  });
  return records;
}

/** Fictional trainings for the demo CFAs, loaded through the catalogue importer's mapper and loader. */
export const cfaDemoSeeder: DemoSeeder = {
  name: "catalogue de formations des CFA fictifs",
  async isLoaded(db) {
    const row = await db
      .selectFrom("training_organisations")
      .select("siret")
      .where("source", "=", "demo")
      .executeTakeFirst();
    return row !== undefined;
  },
  async load(db, _options, report) {
    const sirets = Array.from({ length: DEMO_CFA_COUNT }, (_, i) => demoSiret(i));
    const rows = await db
      .selectFrom("establishments")
      .select(["siret", "brand", "lat", "lon", "postal_code", "city", "insee_code"])
      .where("siret", "in", sirets)
      .execute();
    const bySiret = new Map(rows.map((r) => [r.siret, r]));
    const cfas = sirets.flatMap((siret) => {
      const e = bySiret.get(siret);
      return e && e.lat !== null && e.lon !== null
        ? [
            {
              siret,
              brand: e.brand,
              lat: e.lat,
              lon: e.lon,
              postalCode: e.postal_code,
              city: e.city,
              inseeCode: e.insee_code,
            },
          ]
        : [];
    });
    const refs = await loadCatalogueReferences(db);
    const mapped = demoCatalogueRecords(cfas).flatMap((record) => {
      const m = mapCatalogueRecord(record, refs);
      if ("reject" in m) return [];
      return [{ organisation: m.organisation, training: { ...m.training, source: "demo" as const } }];
    });
    const now = new Date();
    for (let i = 0; i < mapped.length; i += 500) {
      await loadCatalogueBatch(db, mapped.slice(i, i + 500), { now, defaultCertified: true, parentOf: refs.parentOf });
    }
    await optOutSome(
      db,
      cfas.map((c) => c.siret),
    );
    await demoCfaAccount(db, cfas[0]?.siret, cfas[0]?.brand ?? "CFA Démo");
    report(
      `  ${cfas.length} CFA fictifs, ${mapped.length} formations ; compte CFA de démonstration : ${DEMO_CFA_EMAIL}`,
    );
  },
};

async function optOutSome(db: Kysely<Database>, sirets: string[]) {
  const optedOut = sirets.filter((_, i) => i % 25 === 12);
  if (optedOut.length === 0) return;
  await db
    .updateTable("training_organisations")
    .set({ requests_opted_out_at: new Date() })
    .where("siret", "in", optedOut)
    .execute();
}

/** A person with a confirmed CFA account for the showcase CFA, to try the CFA space. */
async function demoCfaAccount(db: Kysely<Database>, siret: string | undefined, name: string) {
  if (!siret) return;
  const existing = await db.selectFrom("users").select("id").where("email", "=", DEMO_CFA_EMAIL).executeTakeFirst();
  if (existing) return;
  const now = new Date();
  const user = await db
    .insertInto("users")
    .values({
      email: DEMO_CFA_EMAIL,
      first_name: "Dominique",
      last_name: "Démo",
      phone: null,
      role: "cfa",
      opco_id: null,
      email_confirmed_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("accounts")
    .values({
      user_id: user.id,
      type: "cfa",
      siret,
      company_name: name,
      status: "active",
      opco_id: null,
      opco_source: null,
      confirmed_at: now,
    })
    .execute();
}
