import { trainingMatchKeys } from "@tremplin/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { CatalogueSource } from "../../db/tables/cfa.js";
import type { MappedOrganisation, MappedTraining } from "./record-mapper.js";

type Db = Kysely<Database>;

export interface LoadOptions {
  now: Date;
  /** What an organisation whose record says nothing of its quality certification counts as. */
  defaultCertified: boolean;
  parentOf: (romeCode: string) => string | undefined;
}

/** Merges the records of one organisation within a batch: the first known value of each field wins. */
export function mergeOrganisations(orgs: MappedOrganisation[]): MappedOrganisation[] {
  const bySiret = new Map<string, MappedOrganisation>();
  for (const o of orgs) {
    const known = bySiret.get(o.siret);
    if (!known) {
      bySiret.set(o.siret, { ...o });
      continue;
    }
    for (const field of Object.keys(o) as Array<keyof MappedOrganisation>) {
      if (known[field] === null && o[field] !== null) (known as unknown as Record<string, unknown>)[field] = o[field];
    }
  }
  return [...bySiret.values()];
}

/** Names and positions the records lack, from the establishment directory (Sirene) when it knows the SIRET. */
async function completeFromDirectory(db: Db, orgs: MappedOrganisation[]): Promise<void> {
  const missing = orgs.filter((o) => o.name === null || o.lat === null);
  if (missing.length === 0) return;
  const rows = await db
    .selectFrom("establishments")
    .select(["siret", "name", "brand", "street", "postal_code", "city", "insee_code", "lat", "lon"])
    .where(
      "siret",
      "in",
      missing.map((o) => o.siret),
    )
    .execute();
  const bySiret = new Map(rows.map((r) => [r.siret, r]));
  for (const o of missing) {
    const e = bySiret.get(o.siret);
    if (!e) continue;
    o.name ??= e.brand ?? e.name;
    if (o.lat === null && e.lat !== null && e.lon !== null) {
      Object.assign(o, { lat: e.lat, lon: e.lon });
      o.street ??= e.street;
      o.postalCode ??= e.postal_code;
      o.city ??= e.city;
      o.inseeCode ??= e.insee_code;
    }
  }
}

// A value the file leaves out keeps what an earlier import (or the directory) gave.
const keep = (column: string) => sql.raw<never>(`coalesce(excluded.${column}, training_organisations.${column})`);

/**
 * Writes one batch in one transaction: organisations (catalogue fields refreshed, the CFA's own
 * opt-out untouched), trainings (updated in place by source key) and their ROME lookup keys.
 */
export async function loadCatalogueBatch(
  db: Db,
  records: Array<{ organisation: MappedOrganisation; training: MappedTraining }>,
  options: LoadOptions,
): Promise<void> {
  if (records.length === 0) return;
  const orgs = mergeOrganisations(records.map((r) => r.organisation));
  await completeFromDirectory(db, orgs);
  const firstTraining = new Map<string, MappedTraining>();
  for (const r of records)
    if (!firstTraining.has(r.organisation.siret)) firstTraining.set(r.organisation.siret, r.training);
  // Where neither the record nor the directory places the organisation, its first training does.
  for (const o of orgs) {
    const t = firstTraining.get(o.siret) as MappedTraining;
    if (o.lat === null) Object.assign(o, { lat: t.lat, lon: t.lon, city: o.city ?? t.city });
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("training_organisations")
      .values(
        orgs.map((o) => ({
          siret: o.siret,
          uai: o.uai,
          name: o.name,
          street: o.street,
          postal_code: o.postalCode,
          city: o.city,
          insee_code: o.inseeCode,
          lat: o.lat,
          lon: o.lon,
          email: o.email,
          quality_certified: o.qualityCertified ?? options.defaultCertified,
          source: (firstTraining.get(o.siret) as MappedTraining).source as CatalogueSource,
          created_at: options.now,
          updated_at: options.now,
        })),
      )
      .onConflict((oc) =>
        oc.column("siret").doUpdateSet({
          uai: keep("uai"),
          name: keep("name"),
          street: keep("street"),
          postal_code: keep("postal_code"),
          city: keep("city"),
          insee_code: keep("insee_code"),
          lat: keep("lat"),
          lon: keep("lon"),
          email: keep("email"),
          quality_certified: sql.raw<never>("excluded.quality_certified"),
          source: sql.raw<never>("excluded.source"),
          updated_at: sql.raw<never>("excluded.updated_at"),
        }),
      )
      .execute();

    // What the trainings looked like before: keys are rewritten only where codes or place changed
    // (a daily reimport then touches almost no GiST entry, the costly part of a load).
    const previous = new Map(
      (
        await trx
          .selectFrom("trainings")
          .select(["source_key", "rome_codes", "lat", "lon"])
          .where(
            "source_key",
            "in",
            records.map((r) => r.training.sourceKey),
          )
          .execute()
      ).map((p) => [p.source_key, p]),
    );
    const saved = await trx
      .insertInto("trainings")
      .values(
        records.map(({ organisation, training: t }) => ({
          source_key: t.sourceKey,
          source: t.source,
          organisation_siret: organisation.siret,
          title: t.title,
          cfd: t.cfd,
          rncp_code: t.rncpCode,
          diploma_level: t.diplomaLevel,
          street: t.street,
          postal_code: t.postalCode,
          city: t.city,
          insee_code: t.inseeCode,
          lat: t.lat,
          lon: t.lon,
          rome_codes: t.romeCodes,
          rome_source: t.romeSource,
          start_months: t.startMonths,
          imported_at: options.now,
        })),
      )
      .onConflict((oc) =>
        oc.column("source_key").doUpdateSet((eb) => ({
          source: eb.ref("excluded.source"),
          organisation_siret: eb.ref("excluded.organisation_siret"),
          title: eb.ref("excluded.title"),
          cfd: eb.ref("excluded.cfd"),
          rncp_code: eb.ref("excluded.rncp_code"),
          diploma_level: eb.ref("excluded.diploma_level"),
          street: eb.ref("excluded.street"),
          postal_code: eb.ref("excluded.postal_code"),
          city: eb.ref("excluded.city"),
          insee_code: eb.ref("excluded.insee_code"),
          lat: eb.ref("excluded.lat"),
          lon: eb.ref("excluded.lon"),
          rome_codes: eb.ref("excluded.rome_codes"),
          rome_source: eb.ref("excluded.rome_source"),
          start_months: eb.ref("excluded.start_months"),
          imported_at: eb.ref("excluded.imported_at"),
        })),
      )
      .returning(["id", "source_key"])
      .execute();

    const byKey = new Map(records.map((r) => [r.training.sourceKey, r.training]));
    const changed = saved.filter((s) => {
      const t = byKey.get(s.source_key) as MappedTraining;
      const p = previous.get(s.source_key);
      return !p || p.lat !== t.lat || p.lon !== t.lon || p.rome_codes.join() !== t.romeCodes.join();
    });
    if (changed.length === 0) return;
    await trx
      .deleteFrom("training_rome_keys")
      .where(
        "training_id",
        "in",
        changed.map((s) => s.id),
      )
      .execute();
    const keys = changed.flatMap((s) => {
      const t = byKey.get(s.source_key) as MappedTraining;
      return trainingMatchKeys(t.romeCodes, options.parentOf).map((key) => ({
        training_id: s.id,
        key,
        lat: t.lat,
        lon: t.lon,
      }));
    });
    for (let i = 0; i < keys.length; i += 5_000) {
      await trx
        .insertInto("training_rome_keys")
        .values(keys.slice(i, i + 5_000))
        .execute();
    }
  });
}

/** After a complete file: trainings of these sources that the file no longer lists are removed. */
export async function pruneTrainingsNotIn(db: Db, sources: CatalogueSource[], importedAt: Date): Promise<number> {
  if (sources.length === 0) return 0;
  const removed = await db
    .deleteFrom("trainings")
    .where("source", "in", sources)
    .where("imported_at", "<", importedAt)
    .executeTakeFirst();
  return Number(removed.numDeletedRows);
}
