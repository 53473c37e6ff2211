import { Fragment } from "react";
import { Route } from "react-router";
import { lazyPage } from "./lazy-page.js";

const AnswerPage = lazyPage(() => import("../features/applications/AnswerPage.js"), "AnswerPage");
const CompanyPage = lazyPage(() => import("../features/applications/CompanyPage.js"), "CompanyPage");
const DelistingConfirmationPage = lazyPage(
  () => import("../features/companies-listing/DelistingConfirmationPage.js"),
  "DelistingConfirmationPage",
);
const DelistingPage = lazyPage(() => import("../features/companies-listing/DelistingPage.js"), "DelistingPage");
const ListingPage = lazyPage(() => import("../features/companies-listing/ListingPage.js"), "ListingPage");
const SearchPage = lazyPage(() => import("../features/search/SearchPage.js"), "SearchPage");

/**
 * Candidates' pages (search, company pages, applications, a company's listing/delisting): placed
 * inside the layout by App.tsx. React Router reads Route elements through fragments, and ranks the
 * fixed addresses (/entreprises/dereferencement…) before /entreprises/:siret.
 * /recherche, /candidatures/reponse and /entreprises/dereferencement/confirmation are written in
 * emails by the server: they must keep working.
 */
export const candidateRoutes = (
  <Fragment key="candidate-routes">
    <Route path="recherche" element={<SearchPage />} />
    <Route path="entreprises/dereferencement" element={<DelistingPage />} />
    <Route path="entreprises/dereferencement/confirmation" element={<DelistingConfirmationPage />} />
    <Route path="entreprises/referencement" element={<ListingPage />} />
    <Route path="entreprises/:siret" element={<CompanyPage />} />
    <Route path="candidatures/reponse" element={<AnswerPage />} />
  </Fragment>
);
