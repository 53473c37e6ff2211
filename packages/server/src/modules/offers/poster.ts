import { accountPublishesOffers, type CreateOffer } from "@tremplin/core";
import { AppError } from "../../lib/app-error.js";
import type { Principal } from "../../lib/principal.js";
import { findOpcoName, findPerson } from "../accounts/people-service.js";
import {
  type CompaniesDeps,
  checkSiret,
  type ResolvedEstablishment,
  resolveEstablishment,
} from "../companies/service.js";
import * as repo from "./repository.js";

/** Who posts, for which workplace, under which account, and whether the offer goes live now. */
export interface Poster {
  ownerUserId: string | null;
  accountId: string | null;
  publishes: boolean;
  establishment: ResolvedEstablishment;
  companyName: string;
  contact: { firstName: string; lastName: string; email: string; phone: string | null };
  intermediary: { kind: "cfa" | "opco" | "chamber"; name: string; userId: string } | null;
  apiKeyId: string | null;
}

async function workplace(companies: CompaniesDeps, siret: string): Promise<ResolvedEstablishment> {
  const establishment = await resolveEstablishment(companies, checkSiret(siret));
  if (!establishment) throw new AppError("SIRET_UNKNOWN");
  if (establishment.adminState === "F") throw new AppError("SIRET_CLOSED");
  return establishment;
}

const displayName = (e: ResolvedEstablishment) => e.brand ?? e.name ?? "Entreprise";

/**
 * Works out the poster from the caller: a recruiter posts for one of their companies; a CFA, an OPCO
 * adviser or a chamber adviser posts for a company (SIRET + its contact, who is told); a partner's API
 * key posts for a SIRET (issue 6 wires the key in).
 */
export async function resolvePoster(
  db: repo.Db,
  companies: CompaniesDeps,
  principal: Principal,
  input: CreateOffer,
): Promise<Poster> {
  if (principal.kind === "apiKey") {
    if (!input.siret) throw new AppError("SIRET_REQUIRED");
    if (!input.companyContact) throw new AppError("COMPANY_CONTACT_REQUIRED");
    const establishment = await workplace(companies, input.siret);
    return {
      ownerUserId: null,
      accountId: null,
      publishes: true,
      establishment,
      companyName: displayName(establishment),
      contact: input.companyContact,
      intermediary: null,
      apiKeyId: principal.apiKeyId,
    };
  }
  const user = await findPerson(db, principal.userId);
  if (!user) throw new AppError("FORBIDDEN");
  const accounts = await repo.findUserAccounts(db, user.id);

  if (principal.role === "recruiter") {
    const companyAccounts = accounts.filter((a) => a.type === "company");
    const account = input.siret
      ? companyAccounts.find((a) => a.siret === input.siret)
      : companyAccounts.length === 1
        ? companyAccounts[0]
        : undefined;
    if (!account) {
      if (!input.siret && companyAccounts.length > 1) {
        throw new AppError("SIRET_REQUIRED", {
          message: "Vous gérez plusieurs établissements : indiquez celui de l'offre (siret).",
        });
      }
      throw new AppError("NOT_YOUR_COMPANY");
    }
    const establishment = await workplace(companies, account.siret);
    return {
      ownerUserId: user.id,
      accountId: account.id,
      publishes: accountPublishesOffers(account.status),
      establishment,
      companyName: account.company_name,
      contact: { firstName: user.first_name, lastName: user.last_name, email: user.email, phone: user.phone },
      intermediary: null,
      apiKeyId: null,
    };
  }

  // Intermediaries: a CFA (its account decides publication), an OPCO or a chamber adviser (trusted staff).
  if (!input.siret) throw new AppError("SIRET_REQUIRED");
  if (!input.companyContact) throw new AppError("COMPANY_CONTACT_REQUIRED");
  const establishment = await workplace(companies, input.siret);
  if (establishment.trainingOrganisation) {
    throw new AppError("SIRET_IS_TRAINING_ORGANISATION", {
      message:
        "Ce SIRET est celui d'un organisme de formation : indiquez celui de l'entreprise où travaillera l'alternant.",
    });
  }
  let name: string;
  let publishes = true;
  let accountId: string | null = null;
  if (principal.role === "cfa") {
    const cfaAccounts = accounts.filter((a) => a.type === "cfa");
    if (cfaAccounts.length === 0)
      throw new AppError("FORBIDDEN", { message: "Votre compte CFA est introuvable ou désactivé." });
    // Posting in a CFA's name is speaking for it: a verified member only (ADR 009).
    const cfa = cfaAccounts.find((a) => a.verified_at !== null);
    if (!cfa) throw new AppError("ORGANISATION_NOT_VERIFIED");
    name = cfa.company_name;
    publishes = accountPublishesOffers(cfa.status);
    accountId = cfa.id;
  } else if (principal.role === "opco") {
    name = (user.opco_id ? await findOpcoName(db, user.opco_id) : undefined) ?? "OPCO";
  } else {
    name = "Chambre consulaire";
  }
  return {
    ownerUserId: user.id,
    accountId,
    publishes,
    establishment,
    companyName: displayName(establishment),
    contact: input.companyContact,
    intermediary: {
      kind: principal.role === "cfa" ? "cfa" : principal.role === "opco" ? "opco" : "chamber",
      name,
      userId: user.id,
    },
    apiKeyId: null,
  };
}
