import { type Kysely, sql } from "kysely";

/**
 * What a search result card shows of an exposed company, copied from the directory when a run's
 * exposed set is written: search then needs no second query after ranking (bench/README.md,
 * « search »). Null for rows written before this migration; search reads those from the directory.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table algo_exposed
      add column company_name text,
      add column naf_code text,
      add column naf_label text,
      add column city text,
      add column postal_code text
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table algo_exposed
      drop column company_name, drop column naf_code, drop column naf_label, drop column city, drop column postal_code
  `.execute(db);
}
