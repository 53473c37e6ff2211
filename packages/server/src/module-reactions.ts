import { candidateErasers } from "./modules/accounts/candidate-service.js";
import { statusChangeListeners } from "./modules/accounts/lifecycle-service.js";
import { eraseAlertsOf } from "./modules/alerts/service.js";
import { applicationsEraser } from "./modules/applications/candidate-space-service.js";
import { releaseHeldRequests } from "./modules/cfa-matching/requests-service.js";
import { offersFollowAccount } from "./modules/offers/account-listener.js";
import { type OfferPublishedListener, offerPublishedListeners } from "./modules/offers/published-listeners.js";
import type { Services } from "./services.js";

/**
 * Every cross-module reaction, wired in one place. They are domain rules, not HTTP concerns: an
 * account disabled from the CLI must take its offers offline exactly as one disabled from the back
 * office, so they are wired by each entry point (buildApp, the CLI) rather than as a side effect of
 * registering routes. The emitting module keeps a Set and knows nothing of who listens:
 *
 * - account status changes (accounts) → offers published, hidden or handed to a successor (offers);
 * - offers going live (offers) → CFA requests held for them are sent (cfa-matching);
 * - a candidate erasing their data (accounts) → their applications anonymised (applications) and
 *   their alerts deleted (alerts).
 */

/**
 * What the reactions take from the services (buildServices): the CFA requests are emailed with the
 * cfa-matching deps (mailer, clock), applications are anonymised as of the applications' clock.
 */
export type ReactionServices = Pick<Services, "cfaMatching" | "applications">;

interface Wiring {
  services: ReactionServices;
  /** Callers that wired these services and have not unwired yet. */
  users: number;
  remove(): void;
}
const wirings: Wiring[] = [];

const sameServices = (a: ReactionServices, b: ReactionServices) =>
  a.cfaMatching.db === b.cfaMatching.db &&
  a.cfaMatching.clock === b.cfaMatching.clock &&
  a.cfaMatching.config === b.cfaMatching.config &&
  a.cfaMatching.mailer === b.cfaMatching.mailer &&
  a.applications.clock === b.applications.clock;

/**
 * Registers the reactions. Idempotent: the reactions that need nothing are the same functions for
 * every caller (a Set keeps them once per process); those bound to the services (CFA emails, the
 * erasing clock) are registered once per set of services, however many times it is called with them.
 * The returned function unwires the bound ones once their last caller is done (an app closing takes
 * its mailer and clock along); the unbound ones stay for the process.
 */
export function wireModuleReactions(services: ReactionServices): () => void {
  let wiring = wirings.find((w) => sameServices(w.services, services));
  if (!wiring) {
    statusChangeListeners.add(offersFollowAccount);
    // Requests held for a pending offer leave in the transaction that puts it online.
    const releaseOnPublish: OfferPublishedListener = async (db, { offerIds, at }) => {
      await releaseHeldRequests(services.cfaMatching, db, offerIds, at);
    };
    offerPublishedListeners.add(releaseOnPublish);
    const eraseApplications = applicationsEraser(() => services.applications.clock.now());
    candidateErasers.add(eraseApplications);
    candidateErasers.add(eraseAlertsOf);
    const created: Wiring = {
      services,
      users: 0,
      remove: () => {
        offerPublishedListeners.delete(releaseOnPublish);
        candidateErasers.delete(eraseApplications);
        wirings.splice(wirings.indexOf(created), 1);
      },
    };
    wirings.push(created);
    wiring = created;
  }
  const mine = wiring;
  mine.users++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    mine.users--;
    if (mine.users === 0) mine.remove();
  };
}
