import type { JobDefinition } from "../../jobs/job.js";
import { findPerson } from "../accounts/people-service.js";
import { pages } from "./context.js";
import { matchCfas } from "./matching-service.js";
import * as requests from "./requests-repository.js";
import { releaseHeldRequests } from "./requests-service.js";

/** Invitation window: old enough to see whether candidates come, young enough to still recruit. */
export const INVITE_AFTER_DAYS = 5;
export const INVITE_UNTIL_DAYS = 45;
/** "Few applications": fewer than this many. */
export const FEW_APPLICATIONS = 3;
/** Offers listed in one invitation email. */
const OFFERS_PER_EMAIL = 10;

/**
 * Invites the managers of offers 5–45 days old with fewer than 3 applications and no request to a
 * CFA yet to make their need known to the CFAs nearby (only when there are some). Each offer is
 * invited once (recorded with the email, in one transaction); one email per person and run.
 */
export const inviteCfaMatchingJob: JobDefinition = {
  name: "offers:invite-cfa-matching",
  description:
    "Invitation à faire connaître son besoin aux CFA proches (offres de 5 à 45 jours avec peu de candidatures)",
  schedule: "0 10 * * *",
  async run(context) {
    const deps = context.services.cfaMatching;
    const { db, now, config, mailer } = context;
    const offers = await requests.findOffersToInvite(db, {
      now,
      minDays: INVITE_AFTER_DAYS,
      maxDays: INVITE_UNTIL_DAYS,
      fewApplications: FEW_APPLICATIONS,
    });
    const byUser = new Map<string, Array<(typeof offers)[number] & { cfaCount: number }>>();
    let withoutCfa = 0;
    for (const offer of offers) {
      const matching = await matchCfas(
        db,
        { romeCode: offer.rome_code, lat: offer.lat, lon: offer.lon },
        config.cfaMatchRadiusKm,
      );
      if (matching.matches.length === 0) {
        withoutCfa++;
        continue;
      }
      const userId = offer.owner_user_id as string;
      byUser.set(userId, [...(byUser.get(userId) ?? []), { ...offer, cfaCount: matching.matches.length }]);
    }
    let invited = 0;
    let emails = 0;
    for (const [userId, list] of byUser) {
      const chosen = list.slice(0, OFFERS_PER_EMAIL);
      await db.transaction().execute(async (trx) => {
        const recorded = new Set(
          await requests.recordInvitations(
            trx,
            chosen.map((o) => ({ offer_id: o.id, user_id: userId, invited_at: now })),
          ),
        );
        const fresh = chosen.filter((o) => recorded.has(o.id));
        if (fresh.length === 0) return;
        const user = await findPerson(trx, userId);
        if (!user) return;
        await mailer.enqueue(trx, {
          to: user.email,
          template: "cfaMatchingInvitation",
          dedupeKey: `cfa-invite:${fresh
            .map((o) => o.id)
            .sort()
            .join(",")}`.slice(0, 400),
          data: {
            firstName: user.first_name,
            offers: fresh.map((o) => ({
              title: o.title,
              companyName: o.company_name,
              city: o.city,
              cfaCount: o.cfaCount,
              url: pages.offerRequests(deps, o.id),
            })),
          },
        });
        invited += fresh.length;
        emails++;
      });
    }
    mailer.kick();
    return { candidates: offers.length, withoutCfa, invited, emails };
  },
};

/**
 * Safety net of the publication hook: held requests of offers that are online (published by a path
 * that did not call the hook, e.g. a command-line tool) are sent.
 */
export const sendHeldCfaRequestsJob: JobDefinition = {
  name: "cfa:send-held-requests",
  description: "Envoi aux CFA des demandes en attente dont l'offre est maintenant en ligne",
  schedule: "*/15 * * * *",
  async run(context) {
    const deps = context.services.cfaMatching;
    const offerIds = await requests.findActiveOffersWithHeldRequests(context.db, 500);
    const sent = await context.db.transaction().execute((trx) => releaseHeldRequests(deps, trx, offerIds, context.now));
    context.mailer.kick();
    return { offers: offerIds.length, sent };
  },
};
