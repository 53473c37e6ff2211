import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { MembershipLinkPage } from "../features/memberships/MembershipLinkPage.js";
import { VerificationQueuePage } from "../features/memberships/VerificationQueuePage.js";
import { Layout } from "../layout/Layout.js";
import { HomePage } from "../routes/HomePage.js";
import { NotFoundPage } from "../routes/NotFoundPage.js";
import { alertsAndStatsRoutes } from "./alerts-stats-routes.js";
import { candidateRoutes } from "./candidate-routes.js";
import { hireLoopRoutes } from "./hire-loop-routes.js";
import { lazyPage } from "./lazy-page.js";
import { professionalRoutes } from "./professional-routes.js";
import { createQueryClient } from "./query-client.js";

const MagicLinkPage = lazyPage(() => import("../features/accounts/sign-in/MagicLinkPage.js"), "MagicLinkPage");
const SignInPage = lazyPage(() => import("../features/accounts/sign-in/SignInPage.js"), "SignInPage");
const SignUpPage = lazyPage(() => import("../features/accounts/sign-up/SignUpPage.js"), "SignUpPage");
const AdminAccountPage = lazyPage(() => import("../features/admin/AdminAccountPage.js"), "AdminAccountPage");
const AdminSpacePage = lazyPage(() => import("../features/admin/AdminSpacePage.js"), "AdminSpacePage");
const EmailActionPage = lazyPage(() => import("../features/offers/EmailActionPage.js"), "EmailActionPage");
const EditOfferPage = lazyPage(() => import("../features/offers/form/EditOfferPage.js"), "EditOfferPage");
const NewOfferPage = lazyPage(() => import("../features/offers/form/NewOfferPage.js"), "NewOfferPage");
const OfferPublishedPage = lazyPage(
  () => import("../features/offers/form/OfferPublishedPage.js"),
  "OfferPublishedPage",
);
const PublicOfferPage = lazyPage(() => import("../features/offers/PublicOfferPage.js"), "PublicOfferPage");
const SpacePage = lazyPage(() => import("../features/offers/space/SpacePage.js"), "SpacePage");
const OpcoAccountPage = lazyPage(() => import("../features/opco/OpcoAccountPage.js"), "OpcoAccountPage");
const OpcoSpacePage = lazyPage(() => import("../features/opco/OpcoSpacePage.js"), "OpcoSpacePage");
const ContactPage = lazyPage(() => import("../routes/ContactPage.js"), "ContactPage");
const AccessibilityPage = lazyPage(() => import("../routes/legal/AccessibilityPage.js"), "AccessibilityPage");
const LegalNoticePage = lazyPage(() => import("../routes/legal/LegalNoticePage.js"), "LegalNoticePage");
const PersonalDataPage = lazyPage(() => import("../routes/legal/PersonalDataPage.js"), "PersonalDataPage");
const SiteMapPage = lazyPage(() => import("../routes/legal/SiteMapPage.js"), "SiteMapPage");

/**
 * Every page of the app. A new page: a route here, and a navigation entry in layout/navigation.ts.
 * Addresses in emails (/connexion/lien, /offres/action, /espace, /opco, /admin, /offres/:id,
 * /contact) are part of the server's contract with people's inboxes: they must keep working.
 */
function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="inscription" element={<SignUpPage key="company" type="company" />} />
        <Route path="inscription/cfa" element={<SignUpPage key="cfa" type="cfa" />} />
        <Route path="connexion" element={<SignInPage />} />
        <Route path="connexion/lien" element={<MagicLinkPage />} />
        <Route path="espace" element={<SpacePage />} />
        <Route path="espace/offres/nouvelle" element={<NewOfferPage />} />
        <Route path="espace/offres/:id/modifier" element={<EditOfferPage />} />
        <Route path="espace/offres/:id/publiee" element={<OfferPublishedPage />} />
        <Route path="offres/action" element={<EmailActionPage />} />
        <Route path="offres/:id" element={<PublicOfferPage />} />
        <Route path="espace/membres/demande" element={<MembershipLinkPage />} />
        <Route path="opco" element={<OpcoSpacePage />} />
        <Route path="opco/verifications" element={<VerificationQueuePage key="opco" staff="opco" />} />
        <Route path="admin/verifications" element={<VerificationQueuePage key="admin" staff="admin" />} />
        <Route path="opco/comptes/:id" element={<OpcoAccountPage />} />
        <Route path="admin" element={<AdminSpacePage />} />
        <Route path="admin/comptes/:id" element={<AdminAccountPage />} />
        <Route path="contact" element={<ContactPage />} />
        <Route path="accessibilite" element={<AccessibilityPage />} />
        <Route path="mentions-legales" element={<LegalNoticePage />} />
        <Route path="donnees-personnelles" element={<PersonalDataPage />} />
        <Route path="plan-du-site" element={<SiteMapPage />} />
        {candidateRoutes}
        {alertsAndStatsRoutes}
        {hireLoopRoutes}
        {professionalRoutes}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
