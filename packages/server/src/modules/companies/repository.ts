import { trainingOrganisationNafCodes } from "@tremplin/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";

export type Db = Kysely<Database>;

/** One establishment of the embedded directory. */
export async function findEstablishment(db: Db, siret: string) {
  return db
    .selectFrom("establishments")
    .select([
      "siret",
      "siren",
      "name",
      "brand",
      "naf_code",
      "headcount_band",
      "street",
      "postal_code",
      "city",
      "insee_code",
      "lat",
      "lon",
      "admin_state",
      "diffusion",
    ])
    .where("siret", "=", siret)
    .executeTakeFirst();
}

/** What we add to Sirene's facts: the NAF label, and the IDCC with the OPCO it leads to. */
export async function findCompanyExtras(db: Db, siret: string, nafCode: string | null) {
  const [naf, idcc] = await Promise.all([
    nafCode
      ? db.selectFrom("naf_codes").select("label").where("code", "=", nafCode).executeTakeFirst()
      : Promise.resolve(undefined),
    db
      .selectFrom("establishment_idccs as i")
      .leftJoin("idcc_opcos as io", "io.idcc", "i.idcc")
      .leftJoin("opcos as o", "o.id", "io.opco_id")
      .select(["i.idcc", "o.id as opco_id", "o.name as opco_name"])
      .where("i.siret", "=", siret)
      .executeTakeFirst(),
  ]);
  return {
    nafLabel: naf?.label ?? null,
    idcc: idcc?.idcc ?? null,
    opcoId: idcc?.opco_id ?? null,
    opcoName: idcc?.opco_name ?? null,
  };
}

/** Names of the given establishments present in the directory. */
export async function findNames(db: Db, sirets: readonly string[]) {
  if (sirets.length === 0) return [];
  return db.selectFrom("establishments").select(["siret", "name", "brand"]).where("siret", "in", sirets).execute();
}

/**
 * Active, diffusible training organisations within `radiusMeters` of a point, nearest first. The
 * predicates repeat those of the partial GiST index (migration 0009) as literals, so that PostgreSQL
 * can prove the index applies; `earth_box` uses it, the exact distance trims the box's corners.
 */
export async function findActiveTrainingOrganisationsNear(
  db: Db,
  point: { lat: number; lon: number },
  radiusMeters: number,
  limit: number,
) {
  const center = sql`ll_to_earth(${point.lat}, ${point.lon})`;
  const distance = sql<number>`earth_distance(${center}, ll_to_earth(lat, lon))`;
  return db
    .selectFrom("establishments")
    .select(["siret", "name", "brand", "naf_code", "lat", "lon", distance.as("distance")])
    .where("admin_state", "=", "A")
    .where(sql<boolean>`naf_code in (${sql.join(trainingOrganisationNafCodes.map((c) => sql.lit(c)))})`)
    .where("diffusion", "=", "O")
    .where(sql<boolean>`earth_box(${center}, ${radiusMeters}) @> ll_to_earth(lat, lon)`)
    .where(distance, "<=", radiusMeters)
    .orderBy("distance")
    .limit(limit)
    .execute();
}
