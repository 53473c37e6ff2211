import type { AccountTables } from "./tables/accounts.js";
import type { AlertTables } from "./tables/alerts.js";
import type { AlgoTables } from "./tables/algo.js";
import type { ApplicationTables } from "./tables/applications.js";
import type { CfaTables } from "./tables/cfa.js";
import type { CompanyTables } from "./tables/companies.js";
import type { ContactTables } from "./tables/contact.js";
import type { DiffusionTables } from "./tables/diffusion.js";
import type { MailJobTables } from "./tables/mail-jobs.js";
import type { OfferTables } from "./tables/offers.js";
import type { ReferentialTables } from "./tables/referential.js";

/**
 * The whole schema as Kysely sees it: one interface per module under tables/, merged here.
 * Columns are snake_case as in SQL; presenters turn rows into the camelCase API.
 */
export interface Database
  extends ReferentialTables,
    CompanyTables,
    AccountTables,
    MailJobTables,
    OfferTables,
    CfaTables,
    DiffusionTables,
    AlgoTables,
    ApplicationTables,
    AlertTables,
    ContactTables {}
