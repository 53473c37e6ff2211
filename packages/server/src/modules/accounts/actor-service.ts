import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { AppError } from "../../lib/app-error.js";
import type { SessionPrincipal } from "../../lib/principal.js";
import type { Actor } from "./lifecycle-service.js";
import * as repo from "./repository.js";

/**
 * The signed-in person as the audit trail names them: « Prénom Nom », with their OPCO for an
 * adviser and « (administration) » for the team. Candidates never act on accounts or memberships
 * (their contracts do not name them): FORBIDDEN.
 */
export async function actorOf(db: Kysely<Database>, principal: SessionPrincipal): Promise<Actor> {
  if (principal.role === "candidate") throw new AppError("FORBIDDEN");
  const user = await repo.findUserById(db, principal.userId);
  const who = user ? `${user.first_name} ${user.last_name}` : "?";
  const opco = principal.opcoId ? await repo.findOpco(db, principal.opcoId) : undefined;
  const label =
    principal.role === "opco"
      ? `${who} (conseiller ${opco?.name ?? "OPCO"})`
      : principal.role === "admin"
        ? `${who} (administration)`
        : who;
  return { userId: principal.userId, label, role: principal.role, opcoId: principal.opcoId };
}
