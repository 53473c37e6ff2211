import {
  DatasetBuilder,
  defaultBoostParams,
  defaultExposureRules,
  type EstablishmentRecord,
  generateDataset,
  isoOfDay,
  parseIsoDay,
} from "@tremplin/algo";
import { isTrainingOrganisationNaf } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import { loadGeneratedData } from "../imports/algo/load-generated.js";
import { publishRun } from "../modules/algo-companies/publication-service.js";
import { insertDelistingRequest, insertListingRequest } from "../modules/algo-companies/requests-repository.js";
import { algoReference, evaluateRun, scoreRun } from "../modules/algo-companies/scoring-service.js";
import { DEMO_COMPANY_COUNT, demoSiret } from "./companies-data.js";
import type { DemoSeeder } from "./load-demo.js";

export const ALGO_DEMO_LABEL = "jeu de démonstration";
/** The demo's data end on this day whatever today is: the same histories, scores and explanations on every machine. */
const DEMO_END = "2026-01-01";
/** Demo establishments closed in the directory stopped hiring on this day. */
const DEMO_CLOSED_ON = "2024-09-01";

/** The demo directory's establishments as the algorithm sees them, in SIRET order. */
async function demoEstablishments(db: Kysely<Database>): Promise<EstablishmentRecord[]> {
  const sirets = Array.from({ length: DEMO_COMPANY_COUNT }, (_, i) => demoSiret(i));
  const rows = await db
    .selectFrom("establishments")
    .select(["siret", "naf_code", "headcount_band", "created_on", "insee_code", "postal_code", "admin_state"])
    .where("siret", "in", sirets)
    .orderBy("siret")
    .execute();
  return rows.map((e) => ({
    siret: e.siret,
    naf: (e.naf_code ?? "").replace(".", ""),
    sizeBand: e.headcount_band === "NN" ? null : e.headcount_band,
    created: e.created_on ? parseIsoDay(e.created_on) : null,
    commune: e.insee_code,
    postalCode: e.postal_code,
    closed: e.admin_state === "F" ? parseIsoDay(DEMO_CLOSED_ON) : null,
    trainingOrganisation: isTrainingOrganisationNaf(e.naf_code),
  }));
}

/**
 * Hiring histories for the demo directory's own establishments (simulated on their NAF, size,
 * commune and dates), then an evaluation, a scoring run and its publication: `npm start` on an
 * empty database shows exposed companies around the demo establishments, and the admin a report.
 */
export const algoDemoSeeder: DemoSeeder = {
  name: "historiques d'embauche fictifs et entreprises exposées par l'algorithme",
  async isLoaded(db) {
    const row = await db
      .selectFrom("algo_imports")
      .select("id")
      .where("file_name", "=", ALGO_DEMO_LABEL)
      .executeTakeFirst();
    return row !== undefined;
  },
  async load(db, _options, report) {
    const reference = await algoReference();
    const records = await demoEstablishments(db);
    if (records.length === 0) return;
    const builder = new DatasetBuilder(reference, { start: 0, end: parseIsoDay(DEMO_END) });
    for (const r of records) builder.addEstablishment(r);
    const population = builder.build().establishments;
    const generated = generateDataset(reference, {
      establishments: population.n,
      // Five years: enough history for the model (3.5 years before its oldest training snapshot).
      years: 5,
      seed: 2026,
      end: parseIsoDay(DEMO_END),
      population,
    });
    const now = new Date(`${DEMO_END}T00:00:00Z`);
    await loadGeneratedData(db, generated, reference, { label: ALGO_DEMO_LABEL, now });
    // A shorter patience: on 3 000 establishments the trees stop early anyway, and start-up stays short.
    const fit = { boost: { ...defaultBoostParams, patience: 8 } };
    const deps = { db, now: () => new Date(), rules: defaultExposureRules, reference, fit };
    await evaluateRun(deps, { trigger: "demo" });
    const { runId } = await scoreRun(deps, { trigger: "demo", asOf: isoOfDay(generated.dataset.coverage.end) });
    const published = await publishRun(db, { runId, actor: "jeu de démonstration", now: new Date() });
    await seedRequests(db, records, now);
    report(
      `  ${generated.dataset.contracts.days.length} contrats fictifs, ${published.companies} entreprises exposées (${published.pairs} couples entreprise × métier), 2 demandes à traiter.`,
    );
  },
};

/** One request in each queue, so that the admin and OPCO pages have something to show. */
async function seedRequests(db: Kysely<Database>, records: EstablishmentRecord[], now: Date): Promise<void> {
  const open = records.filter((r) => r.closed === null && !r.trainingOrganisation);
  const [listed, delisted] = [open[10], open[20]];
  if (!listed || !delisted) return;
  const opco = await db
    .selectFrom("establishment_idccs as i")
    .innerJoin("idcc_opcos as o", "o.idcc", "i.idcc")
    .select("o.opco_id")
    .where("i.siret", "=", listed.siret)
    .executeTakeFirst();
  // The names the queues show: the demo directory's brand (« … Démo … »), as a real request records it.
  const names = new Map(
    (
      await db
        .selectFrom("establishments")
        .select(["siret", "brand", "name"])
        .where("siret", "in", [listed.siret, delisted.siret])
        .execute()
    ).map((e) => [e.siret, e.brand ?? e.name ?? null]),
  );
  await insertListingRequest(db, {
    siret: listed.siret,
    companyName: names.get(listed.siret) ?? null,
    opcoId: opco?.opco_id ?? null,
    contact: { firstName: "Camille", lastName: "Démo", email: "camille.demo@exemple.test", phone: "0612345678" },
    romes: ["D1102"],
    message: "Nous accueillons un apprenti boulanger chaque rentrée (demande fictive).",
    now,
  });
  await insertDelistingRequest(db, {
    siret: delisted.siret,
    companyName: names.get(delisted.siret) ?? null,
    email: "inconnu.demo@exemple.test",
    reason: "Nous ne recrutons plus (demande fictive).",
    status: "pending_review",
    tokenHash: null,
    tokenExpiresAt: null,
    now,
  });
}
