import type { Role } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";

type Db = Kysely<Database>;

/** Creates the candidate user of an address unless someone already has it; returns that person. */
export async function insertCandidateIfAbsent(
  db: Db,
  candidate: { email: string; firstName: string; lastName: string; phone: string | null },
) {
  await db
    .insertInto("users")
    .values({
      email: candidate.email,
      first_name: candidate.firstName,
      last_name: candidate.lastName,
      phone: candidate.phone,
      role: "candidate",
      opco_id: null,
    })
    .onConflict((oc) => oc.column("email").doNothing())
    .execute();
  return db
    .selectFrom("users")
    .select(["id", "role", "first_name"])
    .where("email", "=", candidate.email)
    .executeTakeFirstOrThrow();
}

/** A candidate who fills in a name later (an alert first, an application next) gets it recorded. */
export async function fillCandidateNames(db: Db, userId: string, firstName: string, lastName: string) {
  await db
    .updateTable("users")
    .set({ first_name: firstName, last_name: lastName })
    .where("id", "=", userId)
    .where("role", "=", "candidate")
    .where("first_name", "=", "")
    .execute();
}

/** A candidate who signs up as a company or a CFA becomes that role (one role per person). */
export async function promoteCandidate(
  db: Db,
  userId: string,
  role: Role,
  person: { firstName: string; lastName: string; phone: string },
) {
  return db
    .updateTable("users")
    .set({ role, first_name: person.firstName, last_name: person.lastName, phone: person.phone })
    .where("id", "=", userId)
    .where("role", "=", "candidate")
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Removes a candidate and what signs them in (sessions, links); only ever a candidate. */
export async function deleteCandidateUser(db: Db, userId: string): Promise<boolean> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
  await db.deleteFrom("magic_links").where("user_id", "=", userId).execute();
  const result = await db
    .deleteFrom("users")
    .where("id", "=", userId)
    .where("role", "=", "candidate")
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
