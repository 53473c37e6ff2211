import { type Kysely, sql } from "kysely";

/**
 * The geographic index of establishments now covers active training organisations only (NAF 85.32Z,
 * 85.41Z, 85.42Z, 85.59A/B: the CFAs suggested near an offer). Searches for companies read the
 * algorithm's own exposed table, and offers theirs; indexing 11 M establishments' positions in a cube
 * GiST halved the Sirene import rate for no query (bench/README.md, "sirene").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists establishments_geo_idx`.execute(db);
  await sql`
    create index establishments_geo_idx on establishments using gist (ll_to_earth(lat, lon))
    where admin_state = 'A' and naf_code in ('8532Z', '8541Z', '8542Z', '8559A', '8559B')
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists establishments_geo_idx`.execute(db);
  await sql`create index establishments_geo_idx on establishments using gist (ll_to_earth(lat, lon)) where admin_state = 'A'`.execute(
    db,
  );
}
