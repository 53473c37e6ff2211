import type { Role } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { listOpcos } from "../referential/service.js";
import { type AuthDeps, issueMagicLink } from "./auth-service.js";
import * as repo from "./repository.js";

// Staff accounts (admins, OPCO and chamber advisers) exist only through the CLI (`users:create`).

export type StaffRole = Extract<Role, "admin" | "opco" | "chamber">;

export type StaffUserCheck =
  | { ok: true; opcoId: string | null }
  | { ok: false; problem: "unknown-opco"; knownOpcoNames: string[] }
  | { ok: false; problem: "email-taken" };

/**
 * Whether a staff user can be created: the OPCO (of an OPCO adviser: by name, id or source label)
 * exists, and nobody has the address yet. Pass `opcoName` null for other roles.
 */
export async function checkNewStaffUser(
  db: Kysely<Database>,
  staff: { email: string; opcoName: string | null },
): Promise<StaffUserCheck> {
  let opcoId: string | null = null;
  if (staff.opcoName !== null) {
    const opco = await repo.findOpcoByName(db, staff.opcoName);
    if (!opco) return { ok: false, problem: "unknown-opco", knownOpcoNames: (await listOpcos(db)).map((o) => o.name) };
    opcoId = opco.id;
  }
  if (await repo.findUserByEmail(db, staff.email)) return { ok: false, problem: "email-taken" };
  return { ok: true, opcoId };
}

/** Creates a staff user (after `checkNewStaffUser`) and queues a sign-in link to them, in one transaction. */
export async function createStaffUser(
  deps: AuthDeps,
  staff: { email: string; firstName: string; lastName: string; role: StaffRole; opcoId: string | null },
) {
  return deps.db.transaction().execute(async (trx) => {
    const created = await repo.insertUser(trx, {
      email: staff.email,
      firstName: staff.firstName,
      lastName: staff.lastName,
      phone: null,
      role: staff.role,
      opcoId: staff.opcoId,
    });
    await issueMagicLink({ ...deps, db: trx }, trx, created, "sign_in", { template: "signInLink" });
    return created;
  });
}
