import type { AppDeps } from "./app-deps.js";
import type { AuthDeps } from "./modules/accounts/auth-service.js";
import { type AlertsDeps, alertsDeps } from "./modules/alerts/context.js";
import { type AlgoCompaniesDeps, algoCompaniesDeps } from "./modules/algo-companies/context.js";
import { type ApplicationsDeps, applicationsDeps } from "./modules/applications/context.js";
import { type CfaDeps, cfaDeps } from "./modules/cfa-matching/context.js";
import { type CompaniesDeps, companiesDeps } from "./modules/companies/service.js";
import { type OffersDeps, offersDeps } from "./modules/offers/context.js";

/** What the services are built from: the HTTP app has more (webhooks), the CLI has no more. */
export type ServiceDeps = Pick<AppDeps, "config" | "db" | "clock" | "mailer">;

/** Where the services' warnings go (a Sirene API outage): the app's logger, or the CLI's. */
export interface ServiceLog {
  warn(message: string): void;
}

/** Each module's deps, built once per entry point (an app, a CLI command) and shared by all its callers. */
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
}

/**
 * The composition root: every module's deps, built here and nowhere else (routes, the CLI and the
 * module reactions take them from this object). The company directory is built once and shared, so
 * offers, algo-companies and sign-up use the same Sirene cache and warn through `log`.
 */
export function buildServices(deps: ServiceDeps, log: ServiceLog): Services {
  const companies = companiesDeps(deps, (message) => log.warn(message));
  return {
    accounts: { db: deps.db.db, clock: deps.clock, config: deps.config, mailer: deps.mailer },
    companies,
    offers: offersDeps(deps, companies),
    cfaMatching: cfaDeps(deps),
    applications: applicationsDeps(deps),
    alerts: alertsDeps(deps),
    algoCompanies: algoCompaniesDeps(deps, companies),
  };
}
