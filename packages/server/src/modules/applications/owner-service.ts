import type { AnswerResult, ApplicationDecision, RecruiterApplication } from "@tremplin/core";
import { AppError } from "../../lib/app-error.js";
import { requireVerifiedMembership, requireVerifiedOrganisations } from "../accounts/verification-service.js";
import { ownedOffer } from "../offers/lifecycle-service.js";
import { type AnswerInput, answer } from "./answer-service.js";
import type { ApplicationsDeps } from "./context.js";
import { applicationsCsv } from "./csv.js";
import { countByStatus, presentRecruiterApplication } from "./presenter.js";
import * as repo from "./repository.js";

/** The applications of an offer the person manages (owner or intermediary), newest first, with counts. */
export async function listOfferApplications(deps: ApplicationsDeps, userId: string, offerId: string) {
  const offer = await ownedOffer(deps.db, offerId, userId);
  const items = (await repo.listForOffer(deps.db, offerId)).map(presentRecruiterApplication);
  return {
    offer: { id: offer.id, title: offer.title, status: offer.status, companyName: offer.company_name },
    counts: countByStatus(items),
    items,
  };
}

/** The same list as a spreadsheet, with a file name that says which offer. */
export async function exportOfferApplications(deps: ApplicationsDeps, userId: string, offerId: string) {
  const { offer, items } = await listOfferApplications(deps, userId, offerId);
  const slug =
    offer.title
      .normalize("NFD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .toLowerCase()
      .slice(0, 60) || "offre";
  return { fileName: `candidatures-${slug}.csv`, csv: applicationsCsv(items) };
}

/**
 * Spontaneous applications to the companies the person is a verified member of (members share
 * them). Company accounts but none verified → 403 ORGANISATION_NOT_VERIFIED.
 */
export async function listSpontaneousApplications(
  deps: ApplicationsDeps,
  userId: string,
): Promise<RecruiterApplication[]> {
  const organisations = await requireVerifiedOrganisations(deps.db, userId, "company");
  return (
    await repo.listSpontaneousForSirets(
      deps.db,
      organisations.map((o) => o.siret),
    )
  ).map(presentRecruiterApplication);
}

/** Answers from the space: only an application the person received (their offer, or their company). */
export function answerFromSpace(
  deps: ApplicationsDeps,
  userId: string,
  id: string,
  input: AnswerInput & { decision: ApplicationDecision },
): Promise<AnswerResult> {
  return answer(deps, id, input.decision, input, "space", async (db, row) => {
    if (row.offer_id) {
      await ownedOffer(db, row.offer_id, userId).catch(() => {
        throw new AppError("APPLICATION_NOT_FOUND");
      });
    } else {
      // A spontaneous application is answered by any verified member of its company.
      await requireVerifiedMembership(db, userId, row.siret, "company", () => new AppError("APPLICATION_NOT_FOUND"));
    }
  });
}
