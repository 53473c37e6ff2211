import { formatSiret, type SignUpInput, type signUpSchema } from "@tremplin/core";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { type CompaniesDeps, resolveEstablishment } from "../companies/service.js";
import { type AuthDeps, issueMagicLink } from "./auth-service.js";
import { promoteCandidate } from "./candidate-repository.js";
import * as repo from "./repository.js";

export type SignUp = z.output<typeof signUpSchema>;
export type { SignUpInput };

/**
 * Creates an account for a company or a CFA: the SIRET must be an active establishment (non-diffusible
 * ones are accepted with a declared name, never refused for that), the OPCO comes from the collective
 * agreement or from the person's choice ("je ne sais pas" → admin queue). Sends the confirmation email.
 */
export async function signUp(
  deps: AuthDeps,
  companies: CompaniesDeps,
  input: SignUp,
): Promise<{ id: string; status: "pending_confirmation" }> {
  const establishment = await resolveEstablishment(companies, input.siret);
  if (!establishment) {
    throw new AppError("SIRET_UNKNOWN", {
      message: `Aucun établissement ne porte le numéro SIRET ${formatSiret(input.siret)} dans le répertoire Sirene. Vérifiez le numéro ; un établissement créé il y a quelques jours peut ne pas encore y figurer.`,
    });
  }
  if (establishment.adminState === "F") throw new AppError("SIRET_CLOSED");
  if (input.type === "company" && establishment.trainingOrganisation)
    throw new AppError("SIRET_IS_TRAINING_ORGANISATION");
  if (input.type === "cfa" && !establishment.trainingOrganisation)
    throw new AppError("SIRET_NOT_TRAINING_ORGANISATION");

  const diffusible = establishment.diffusion === "O";
  const companyName = diffusible ? (establishment.brand ?? establishment.name ?? input.companyName) : input.companyName;
  if (!companyName) throw new AppError("COMPANY_NAME_REQUIRED");

  let opco: { id: string; source: "idcc" | "declared" } | null = null;
  if (establishment.opcoId) opco = { id: establishment.opcoId, source: "idcc" };
  else if (input.opco && input.opco !== "unknown") {
    const declared = await repo.findOpco(deps.db, input.opco);
    if (!declared) throw new AppError("OPCO_UNKNOWN");
    opco = { id: declared.id, source: "declared" };
  }

  const role = input.type === "company" ? "recruiter" : "cfa";
  const now = deps.clock.now();
  const account = await deps.db.transaction().execute(async (trx) => {
    let user = await repo.findUserByEmail(trx, input.email);
    if (user?.role === "candidate" && !user.disabled_at) {
      // Someone who applied (or has an alert) now recruits: they become that role (ADR 011).
      user = await promoteCandidate(trx, user.id, role, input);
    }
    if (user) {
      if (user.role !== role || user.disabled_at) throw new AppError("EMAIL_ROLE_CONFLICT");
      if (await repo.findAccountOfUser(trx, user.id, input.siret)) throw new AppError("ACCOUNT_ALREADY_EXISTS");
    } else {
      user = await repo.insertUser(trx, {
        email: input.email,
        firstName: input.firstName,
        lastName: input.lastName,
        phone: input.phone,
        role,
        opcoId: null,
      });
    }
    const created = await repo.insertAccount(trx, {
      user_id: user.id,
      type: input.type,
      siret: input.siret,
      company_name: companyName,
      status: "pending_confirmation",
      opco_id: opco?.id ?? null,
      opco_source: opco?.source ?? null,
    });
    await repo.insertEvent(trx, {
      accountId: created.id,
      actorUserId: user.id,
      actorLabel: `${input.firstName} ${input.lastName} (inscription)`,
      action: "sign_up",
      fromStatus: null,
      toStatus: "pending_confirmation",
      details: { opcoSource: opco?.source ?? "unknown", idcc: establishment.idcc, diffusible },
      at: now,
    });
    await issueMagicLink(deps, trx, user, "confirm_email", {
      template: "accountConfirmation",
      companyName,
      siret: input.siret,
      accountType: input.type,
    });
    return created;
  });
  deps.mailer.kick();
  return { id: account.id, status: "pending_confirmation" };
}
