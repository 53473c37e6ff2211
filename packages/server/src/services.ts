import type { AppDeps } from "./app-deps.js";
import type { AuthDeps } from "./modules/accounts/auth-service.js";
import type { AccountReactions } from "./modules/accounts/reactions.js";
import { type AlertsDeps, alertsDeps } from "./modules/alerts/context.js";
import { eraseAlertsOf } from "./modules/alerts/service.js";
import { type AlgoCompaniesDeps, algoCompaniesDeps } from "./modules/algo-companies/context.js";
import { eraseApplicationsOf } from "./modules/applications/candidate-space-service.js";
import { type ApplicationsDeps, applicationsDeps } from "./modules/applications/context.js";
import { type CfaDeps, cfaDeps } from "./modules/cfa-matching/context.js";
import { releaseHeldRequests } from "./modules/cfa-matching/requests-service.js";
import { type CompaniesDeps, companiesDeps } from "./modules/companies/service.js";
import { offersFollowAccount } from "./modules/offers/account-listener.js";
import { type OffersDeps, offersDeps } from "./modules/offers/context.js";
import type { OfferReactions } from "./modules/offers/reactions.js";
import { ReferenceSearchIndexes } from "./modules/referential/search-indexes.js";
import { RomeTree } from "./modules/search/rome-tree.js";
import type { SearchDeps } from "./modules/search/service.js";
import { OfferCounters } from "./modules/stats/counters.js";

/** What the services are built from: the HTTP app has more (webhooks), the CLI and the jobs no more. */
export type ServiceDeps = Pick<AppDeps, "config" | "db" | "clock" | "mailer">;

/** Where the services' warnings go (a Sirene API outage): the app's logger, or the CLI's. */
export interface ServiceLog {
  warn(message: string): void;
}

/** Each module's deps, built once per entry point (an app, a CLI command, a job run) and shared by all its callers. */
export interface Services {
  /** Sign-in, sessions, sign-up and the accounts' lifecycle (AuthDeps and LifecycleDeps alike). */
  accounts: AuthDeps;
  /** One company directory (the live Sirene API and its cache, or the embedded one) for every module. */
  companies: CompaniesDeps;
  offers: OffersDeps;
  cfaMatching: CfaDeps;
  /** Applications, and the reports queue (ReportsDeps). */
  applications: ApplicationsDeps;
  alerts: AlertsDeps;
  algoCompanies: AlgoCompaniesDeps;
  /**
   * The offers' audience counters of this app (impressions, views, apply clicks), kept in memory and
   * written in batches: search, offer pages and stats share them; the app writes them when it closes.
   */
  offerCounters: OfferCounters;
  /** The autocompletes' label indexes (jobs, communes), loaded on first use and kept for this app. */
  referenceIndexes: ReferenceSearchIndexes;
  /** The candidates' search, with the ROME tree it expands job codes with (loaded on first use). */
  search: SearchDeps;
}

/**
 * The composition root: every module's deps, built here and nowhere else (routes, jobs and the CLI
 * take them from this object). The company directory is built once and shared, so offers,
 * algo-companies and sign-up use the same Sirene cache and warn through `log`.
 *
 * The cross-module reactions are wired here too, as arguments of the module that emits them (it
 * knows nothing of who reacts), and not as a side effect of registering routes: an account disabled
 * from the CLI or a job takes its offers offline exactly as one disabled from the back office.
 * - account status changes (accounts) → offers published, hidden or handed to a successor (offers);
 * - offers going live (offers) → CFA requests held for them are sent (cfa-matching);
 * - a candidate erasing their data (accounts) → their applications anonymised (applications) and
 *   their alerts deleted (alerts).
 * Each reaction runs inside the emitter's transaction, with the services of the same build (its
 * clock, mailer and configuration): two apps in one process, or a job run signed as of its `now`,
 * never act through each other's.
 */
export function buildServices(deps: ServiceDeps, log: ServiceLog): Services {
  const companies = companiesDeps(deps, (message) => log.warn(message));
  const cfaMatching = cfaDeps(deps);
  const applications = applicationsDeps(deps);
  const alerts = alertsDeps(deps);

  const offerReactions: OfferReactions = {
    // Requests held for a pending offer leave in the transaction that puts it online.
    published: async (db, { offerIds, at }) => {
      await releaseHeldRequests(cfaMatching, db, offerIds, at);
    },
  };
  // Offers follow their account; offers also call accounts (a contact taking an offer over gets an
  // account): the reaction is bound to `offers` when it runs, after both are built.
  const accountReactions: AccountReactions = {
    statusChanged: (db, change) => offersFollowAccount(offers, db, change),
    candidateErased: async (db, candidate) => {
      await eraseApplicationsOf(applications, db, candidate);
      await eraseAlertsOf(db, candidate);
    },
  };
  const accounts: AuthDeps = {
    db: deps.db.db,
    clock: deps.clock,
    config: deps.config,
    mailer: deps.mailer,
    reactions: accountReactions,
  };
  const offers = offersDeps(deps, { companies, accounts, reactions: offerReactions });
  return {
    accounts,
    companies,
    offers,
    cfaMatching,
    applications,
    alerts,
    algoCompanies: algoCompaniesDeps(deps, companies),
    offerCounters: new OfferCounters(deps),
    referenceIndexes: new ReferenceSearchIndexes(deps.db.db, deps.clock),
    search: {
      db: deps.db.db,
      clock: deps.clock,
      publicUrl: deps.config.publicUrl,
      romeTree: new RomeTree(deps.db.db, deps.clock),
    },
  };
}
