import { Fragment } from "react";
import { Route } from "react-router";
import { lazyPage } from "./lazy-page.js";

const AdminAlgoRequestsPage = lazyPage(
  () => import("../features/admin-algo/AdminAlgoRequestsPage.js"),
  "AdminAlgoRequestsPage",
);
const AdminAlgoRunsPage = lazyPage(() => import("../features/admin-algo/AdminAlgoRunsPage.js"), "AdminAlgoRunsPage");
const AdminAlgoRunPage = lazyPage(() => import("../features/admin-algo/AdminAlgoRunPage.js"), "AdminAlgoRunPage");
const AdminAlgoCompanyPage = lazyPage(
  () => import("../features/admin-algo-company/AdminAlgoCompanyPage.js"),
  "AdminAlgoCompanyPage",
);
const AdminApiKeyRequestsPage = lazyPage(
  () => import("../features/admin-api-keys/AdminApiKeyRequestsPage.js"),
  "AdminApiKeyRequestsPage",
);
const AdminReportsPage = lazyPage(() => import("../features/admin-reports/AdminReportsPage.js"), "AdminReportsPage");
const OfferApplicationsPage = lazyPage(
  () => import("../features/applications-received/OfferApplicationsPage.js"),
  "OfferApplicationsPage",
);
const CfaAnswerPage = lazyPage(() => import("../features/cfa-matching/CfaAnswerPage.js"), "CfaAnswerPage");
const CfaOptOutPage = lazyPage(() => import("../features/cfa-matching/CfaOptOutPage.js"), "CfaOptOutPage");
const OfferCfaPage = lazyPage(() => import("../features/cfa-matching/OfferCfaPage.js"), "OfferCfaPage");
const CfaRequestsPage = lazyPage(() => import("../features/cfa-space/CfaRequestsPage.js"), "CfaRequestsPage");
const OpcoListingRequestsPage = lazyPage(
  () => import("../features/opco-listing/OpcoListingRequestsPage.js"),
  "OpcoListingRequestsPage",
);
const PartnerApiPage = lazyPage(() => import("../features/partners/PartnerApiPage.js"), "PartnerApiPage");
const ApiReferencePage = lazyPage(
  () => import("../features/partners/api-reference/ApiReferencePage.js"),
  "ApiReferencePage",
);
const SpontaneousApplicationsPage = lazyPage(
  () => import("../features/spontaneous-applications/SpontaneousApplicationsPage.js"),
  "SpontaneousApplicationsPage",
);

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
    <Route path="admin/cles-api" element={<AdminApiKeyRequestsPage />} />
    <Route path="admin/algorithme" element={<AdminAlgoRunsPage />} />
    <Route path="admin/algorithme/demandes" element={<AdminAlgoRequestsPage />} />
    <Route path="admin/algorithme/calculs/:id" element={<AdminAlgoRunPage />} />
    <Route path="admin/algorithme/entreprises/:siret" element={<AdminAlgoCompanyPage />} />
    <Route path="opco/referencements" element={<OpcoListingRequestsPage />} />
    <Route path="api-partenaires" element={<PartnerApiPage />} />
    <Route path="api-partenaires/reference" element={<ApiReferencePage />} />
  </Fragment>
);
