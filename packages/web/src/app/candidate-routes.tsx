import { Fragment } from "react";
import { Route } from "react-router";
import { AnswerPage } from "../features/applications/AnswerPage.js";
import { CompanyPage } from "../features/applications/CompanyPage.js";
import { DelistingConfirmationPage } from "../features/companies-listing/DelistingConfirmationPage.js";
import { DelistingPage } from "../features/companies-listing/DelistingPage.js";
import { ListingPage } from "../features/companies-listing/ListingPage.js";
import { SearchPage } from "../features/search/SearchPage.js";

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
