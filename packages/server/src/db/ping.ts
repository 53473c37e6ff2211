import { type Kysely, sql } from "kysely";

/** The cheapest round trip to the database (health checks): throws when it does not answer. */
// biome-ignore lint/suspicious/noExplicitAny: any database schema will do for "select 1"
export async function pingDatabase(db: Kysely<any>): Promise<void> {
  await sql`select 1`.execute(db);
}
