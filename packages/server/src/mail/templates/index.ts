import * as accounts from "./accounts.js";
import * as alerts from "./alerts.js";
import * as algoCompanies from "./algo-companies.js";
import * as applicationLifecycle from "./application-lifecycle.js";
import * as applications from "./applications.js";
import * as cfaMatching from "./cfa-matching.js";
import * as contact from "./contact.js";
import * as memberships from "./memberships.js";
import * as offers from "./offers.js";

/**
 * Every email the service sends, by name. Feature modules add their template modules here; the
 * outbox renders at enqueue time so that what is stored is exactly what is sent.
 */
export const templates = {
  ...accounts,
  ...algoCompanies,
  ...offers,
  ...cfaMatching,
  ...applications,
  ...applicationLifecycle,
  ...alerts,
  ...memberships,
  ...contact,
};

export type TemplateName = keyof typeof templates;
export type TemplateData<N extends TemplateName> = Parameters<(typeof templates)[N]>[0];
export type { MailContext } from "./accounts.js";
export type { RenderedEmail } from "./layout.js";
