import { Fragment } from "react";
import { Route } from "react-router";
import { lazyPage } from "./lazy-page.js";

const AlertConfirmationPage = lazyPage(() => import("../features/alerts/AlertLinkPage.js"), "AlertConfirmationPage");
const AlertUnsubscribePage = lazyPage(() => import("../features/alerts/AlertLinkPage.js"), "AlertUnsubscribePage");
const MyAlertsPage = lazyPage(() => import("../features/alerts/MyAlertsPage.js"), "MyAlertsPage");
const OfferStatsPage = lazyPage(() => import("../features/stats/OfferStatsPage.js"), "OfferStatsPage");
const BarometerPage = lazyPage(() => import("../features/stats/BarometerPage.js"), "BarometerPage");

/**
 * Alerts (issue 15) and statistics: /alertes/confirmation and /alertes/desinscription are written in
 * emails by the server (modules/alerts/links.ts), /mes-alertes too: they must keep working.
 */
export const alertsAndStatsRoutes = (
  <Fragment key="alerts-stats-routes">
    <Route path="alertes/confirmation" element={<AlertConfirmationPage />} />
    <Route path="alertes/desinscription" element={<AlertUnsubscribePage />} />
    <Route path="mes-alertes" element={<MyAlertsPage />} />
    <Route path="espace/offres/:id/statistiques" element={<OfferStatsPage />} />
    <Route path="barometre" element={<BarometerPage />} />
  </Fragment>
);
