import { sql } from "kysely";
import type { Db } from "./repository.js";

// Read model of the daily OPCO digest (opco-digest-job.ts): advisers with their OPCO's name, and
// the OPCO's accounts with the establishment's city (read-only joins on opcos and establishments).

/** Enabled OPCO advisers, with the name of their OPCO. */
export async function listEnabledOpcoAdvisers(db: Db) {
  return db
    .selectFrom("users as u")
    .innerJoin("opcos as o", "o.id", "u.opco_id")
    .select(["u.id", "u.email", "u.first_name", "u.opco_id", "o.name as opco_name"])
    .where("u.role", "=", "opco")
    .where("u.disabled_at", "is", null)
    .execute();
}

/** Active accounts of an OPCO confirmed in (since, until], oldest confirmation first. */
export async function listAccountsConfirmedBetween(db: Db, opcoId: string, since: Date, until: Date) {
  return db
    .selectFrom("accounts as a")
    .leftJoin("establishments as e", "e.siret", "a.siret")
    .select(["a.company_name", "a.siret", "e.city", "a.created_at"])
    .where("a.opco_id", "=", opcoId)
    .where("a.status", "=", "active")
    .where("a.confirmed_at", ">", since)
    .where("a.confirmed_at", "<=", until)
    .orderBy("a.confirmed_at")
    .execute();
}

/** How many accounts of an OPCO wait for certification (status active). */
export async function countActiveAccounts(db: Db, opcoId: string): Promise<number> {
  const row = await db
    .selectFrom("accounts")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("opco_id", "=", opcoId)
    .where("status", "=", "active")
    .executeTakeFirstOrThrow();
  return row.n;
}
