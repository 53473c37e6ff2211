import { Fragment } from "react";
import { Route } from "react-router";
import { AdminAlgoRequestsPage } from "../features/admin-algo/AdminAlgoRequestsPage.js";
import { AdminAlgoRunsPage } from "../features/admin-algo/AdminAlgoRunsPage.js";
import { AdminAlgoCompanyPage } from "../features/admin-algo-company/AdminAlgoCompanyPage.js";
import { AdminReportsPage } from "../features/admin-reports/AdminReportsPage.js";
import { OfferApplicationsPage } from "../features/applications-received/OfferApplicationsPage.js";
import { CfaAnswerPage } from "../features/cfa-matching/CfaAnswerPage.js";
import { CfaOptOutPage } from "../features/cfa-matching/CfaOptOutPage.js";
import { OfferCfaPage } from "../features/cfa-matching/OfferCfaPage.js";
import { CfaRequestsPage } from "../features/cfa-space/CfaRequestsPage.js";
import { OpcoListingRequestsPage } from "../features/opco-listing/OpcoListingRequestsPage.js";
import { PartnerApiPage } from "../features/partners/PartnerApiPage.js";
import { SpontaneousApplicationsPage } from "../features/spontaneous-applications/SpontaneousApplicationsPage.js";

/**
 * Pages of recruiters, CFAs and staff that came after the offers (CFA matching, CFA requests and
 * space, applications received (for an offer, spontaneous), reports, algorithm administration and
 * one exposed company, OPCO advisers' listing requests, partner API): placed inside
 * the layout by App.tsx. React Router reads Route elements through fragments. The addresses in
 * emails (/espace/offres/:id/cfa, /espace/offres/:id/candidatures, /espace/cfa/demandes,
 * /cfa/demande, /cfa/desinscription) are the server's promise to inboxes: they must keep working.
 */
export const professionalRoutes = (
  <Fragment key="professional-routes">
    <Route path="espace/offres/:id/cfa" element={<OfferCfaPage />} />
    <Route path="espace/offres/:id/candidatures" element={<OfferApplicationsPage />} />
    <Route path="espace/candidatures-spontanees" element={<SpontaneousApplicationsPage />} />
    <Route path="espace/cfa/demandes" element={<CfaRequestsPage />} />
    <Route path="cfa/demande" element={<CfaAnswerPage />} />
    <Route path="cfa/desinscription" element={<CfaOptOutPage />} />
    <Route path="admin/signalements" element={<AdminReportsPage />} />
    <Route path="admin/algorithme" element={<AdminAlgoRunsPage />} />
    <Route path="admin/algorithme/demandes" element={<AdminAlgoRequestsPage />} />
    <Route path="admin/algorithme/entreprises/:siret" element={<AdminAlgoCompanyPage />} />
    <Route path="opco/referencements" element={<OpcoListingRequestsPage />} />
    <Route path="api-partenaires" element={<PartnerApiPage />} />
  </Fragment>
);
