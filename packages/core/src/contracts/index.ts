export * as companies from "./companies.js";
export * as health from "./health.js";
export * as referential from "./referential.js";
export * as accounts from "./accounts.js";
export * as offers from "./offers.js";
export * as search from "./search.js";
export * as applications from "./applications.js";
export * as reports from "./reports.js";
