import { createHash } from "node:crypto";
import {
  type AlgoReference,
  type EventStore,
  type GeneratedData,
  isoOfDay,
  OPEN,
  romeKey,
  siretString,
  UNKNOWN_CREATION,
} from "@tremplin/algo";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { ProgressReporter } from "../../lib/progress-reporter.js";
import { EventSetWriter } from "./event-sets.js";
import { AlgoImportError } from "./import-events.js";
import * as repo from "./repository.js";

type Db = Kysely<Database>;

const BATCH = 5_000;
const n = (x: number) => x.toLocaleString("fr-FR");

/**
 * Puts the generated establishments that the company directory lacks into it, visibly fictional
 * ("ÉTABLISSEMENT FICTIF 000123"), placed near their commune's centre, so that exposure and search
 * can place them. Existing rows are left untouched. Returns how many were inserted.
 */
export async function insertFictionalEstablishments(
  db: Db,
  g: GeneratedData,
  reference: AlgoReference,
): Promise<number> {
  const e = g.dataset.establishments;
  const end = g.dataset.coverage.end;
  let inserted = 0;
  for (let from = 0; from < e.n; from += BATCH) {
    const idx = Array.from({ length: Math.min(BATCH, e.n - from) }, (_, k) => from + k);
    const commune = (i: number) => e.commune[i] as number;
    // A fixed offset per establishment (up to ~1.5 km) so that they do not all sit on the town hall.
    const jitter = (i: number, salt: number) => ((((i + 1) * 2654435761 + salt) >>> 0) / 2 ** 32 - 0.5) * 0.03;
    const siret = idx.map((i) => siretString(e, i));
    const result = await sql`
      insert into establishments (siret, siren, name, brand, naf_code, headcount_band, street, postal_code, city,
                                  insee_code, lat, lon, geo_precision, admin_state, diffusion, created_on)
      select u.siret, left(u.siret, 9), u.name, u.brand, u.naf, u.band, null, u.postal, u.city, u.insee, u.lat, u.lon,
             case when u.lat is null then null else 'commune' end, u.state, 'O', u.created::date
      from unnest(${siret}::text[], ${idx.map((i) => `ÉTABLISSEMENT FICTIF ${String(i + 1).padStart(7, "0")}`)}::text[],
                  ${idx.map((i) => `Entreprise fictive n° ${i + 1}`)}::text[],
                  ${idx.map((i) => reference.naf.codes[e.naf[i] as number] ?? null)}::text[],
                  ${idx.map((i) => (e.sizeBand[i] === 255 ? null : (reference.sizeBands.codes[e.sizeBand[i] as number] ?? null)))}::text[],
                  ${idx.map((i) => (commune(i) >= 0 ? (reference.communes.postalCode[commune(i)] ?? null) : null))}::text[],
                  ${idx.map((i) => (commune(i) >= 0 ? (reference.communes.names[commune(i)] ?? null) : null))}::text[],
                  ${idx.map((i) => (commune(i) >= 0 ? (reference.communes.insee[commune(i)] ?? null) : null))}::text[],
                  ${idx.map((i) => (commune(i) >= 0 ? (reference.communes.lat[commune(i)] as number) + jitter(i, 1) : null))}::float8[],
                  ${idx.map((i) => (commune(i) >= 0 ? (reference.communes.lng[commune(i)] as number) + jitter(i, 7) : null))}::float8[],
                  ${idx.map((i) => ((e.closed[i] as number) !== OPEN && (e.closed[i] as number) <= end ? "F" : "A"))}::text[],
                  ${idx.map((i) => (e.created[i] === UNKNOWN_CREATION ? null : isoOfDay(e.created[i] as number)))}::text[])
        as u (siret, name, brand, naf, band, postal, city, insee, lat, lon, state, created)
      on conflict (siret) do nothing
    `.execute(db);
    inserted += Number(result.numAffectedRows ?? 0);
  }
  return inserted;
}

/** A fingerprint of a generated set, so that loading the same one twice is refused like a file. */
export function generatedFingerprint(g: GeneratedData, what: string): string {
  const e = g.dataset.establishments;
  return createHash("sha256")
    .update(`${what}:${g.seed}:${e.n}:${g.dataset.coverage.start}:${g.dataset.coverage.end}:${g.assumptions.name}`)
    .update(Buffer.from(e.siret.buffer, e.siret.byteOffset, Math.min(e.siret.byteLength, 8 * 1000)))
    .digest("hex");
}

async function loadStore(
  db: Db,
  g: GeneratedData,
  reference: AlgoReference,
  source: "contracts" | "hires",
  options: { label: string; now: Date },
): Promise<number> {
  const sha = generatedFingerprint(g, source);
  if (await repo.findImportBySha(db, source, sha))
    throw new AlgoImportError(`Ce jeu fictif (${options.label}) est déjà chargé.`);
  const importId = await repo.createImport(db, { source, fileName: options.label, sha256: sha, now: options.now });
  const store: EventStore = g.dataset[source];
  const e = g.dataset.establishments;
  const writer = new EventSetWriter(db, source, importId);
  const romeKeys = reference.romes.codes.map((c) => romeKey(c));
  for (let i = 0; i < e.n; i++) {
    const siret = siretString(e, i);
    for (let k = store.offsets[i] as number; k < (store.offsets[i + 1] as number); k++) {
      const rome = store.romes[k] as number;
      writer.add(siret, store.days[k] as number, store.kinds[k] as number, rome === 0 ? 0 : (romeKeys[rome - 1] ?? 0));
    }
    if (writer.full) await writer.flush();
  }
  await writer.flush();
  const count = store.days.length;
  await repo.finishImport(db, importId, {
    records: count,
    skipped: 0,
    rejected: 0,
    unknownSirets: 0,
    firstDay: count > 0 ? isoOfDay(writer.firstDay) : null,
    lastDay: count > 0 ? isoOfDay(writer.lastDay) : null,
    report: { reasons: [], examples: [], generated: true },
    now: options.now,
  });
  return count;
}

/**
 * Loads a generated data set straight from memory (the demo and the tests; `algo:generate` goes
 * through the files and the importers instead): fictional directory rows where missing, contracts,
 * hires and finances, in one transaction.
 */
export async function loadGeneratedData(
  db: Db,
  g: GeneratedData,
  reference: AlgoReference,
  options: { label: string; now: Date; say?: ProgressReporter },
): Promise<{ establishments: number; contracts: number; hires: number; financeRows: number }> {
  const say = options.say ?? (() => {});
  return db.transaction().execute(async (trx) => {
    const establishments = await insertFictionalEstablishments(trx, g, reference);
    const contracts = await loadStore(trx, g, reference, "contracts", options);
    const hires = await loadStore(trx, g, reference, "hires", options);
    let financeRows = 0;
    const f = g.dataset.finances;
    if (f) {
      const importId = await repo.createImport(trx, {
        source: "finances",
        fileName: options.label,
        sha256: null,
        now: options.now,
      });
      const e = g.dataset.establishments;
      const rows: Parameters<typeof repo.upsertFinances>[2] = [];
      const seen = new Set<number>();
      for (let i = 0; i < e.n; i++) {
        const c = f.companyOf[i] as number;
        if (c < 0 || seen.has(c)) continue;
        seen.add(c);
        const siren = siretString(e, i).slice(0, 9);
        for (let k = f.offsets[c] as number; k < (f.offsets[c + 1] as number); k++) {
          const num = (x: number) => (Number.isNaN(x) ? null : x);
          rows.push({
            siren,
            year: f.years[k] as number,
            revenue: num(f.revenue[k] as number),
            netResult: num(f.netResult[k] as number),
            headcount: num(f.headcount[k] as number),
          });
        }
      }
      for (let from = 0; from < rows.length; from += 20_000)
        await repo.upsertFinances(trx, importId, rows.slice(from, from + 20_000));
      financeRows = rows.length;
      await repo.finishImport(trx, importId, {
        records: financeRows,
        skipped: 0,
        rejected: 0,
        unknownSirets: 0,
        firstDay: null,
        lastDay: null,
        report: { reasons: [], examples: [], generated: true },
        now: options.now,
      });
    }
    say(
      `Jeu fictif chargé : ${n(establishments)} établissements ajoutés à l'annuaire, ${n(contracts)} contrats, ${n(hires)} autres embauches, ${n(financeRows)} exercices.`,
    );
    return { establishments, contracts, hires, financeRows };
  });
}
