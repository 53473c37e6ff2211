import { installFrenchZodMessages } from "./zod-french.js";

installFrenchZodMessages();

export * from "./contracts/define.js";
export * as contracts from "./contracts/index.js";
export * from "./errors.js";
export * from "./rules/account-lifecycle.js";
export * from "./rules/company.js";
export * from "./rules/label-index.js";
export * from "./rules/siret.js";
export * from "./rules/text-search.js";
export * from "./schemas/account.js";
export * from "./schemas/company.js";
export * from "./schemas/referential.js";
export { installFrenchZodMessages } from "./zod-french.js";
export * from "./schemas/offer.js";
export * from "./rules/offer-lifecycle.js";
export * from "./rules/offer-description.js";
export * from "./rules/free-text.js";
export * from "./schemas/search.js";
export * from "./rules/geo.js";
export * from "./schemas/application.js";
export * from "./schemas/application-file.js";
export * from "./schemas/application-report.js";
export * from "./schemas/application-views.js";
export * from "./rules/cfa-matching.js";
export * from "./schemas/cfa-matching.js";
export * from "./schemas/algo-companies.js";
