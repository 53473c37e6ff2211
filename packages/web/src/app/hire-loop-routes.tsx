import { Fragment } from "react";
import { Route } from "react-router";
import { lazyPage } from "./lazy-page.js";

const MyApplicationsPage = lazyPage(
  () => import("../features/candidate-space/MyApplicationsPage.js"),
  "MyApplicationsPage",
);
const InboxPage = lazyPage(() => import("../features/inbox/InboxPage.js"), "InboxPage");

/**
 * The hire loop (issue 15, ADR 011): the candidate's space and the recruiter's inbox. Both addresses
 * are written in emails by the server (applications' mails, nudges, digests): they must keep working.
 */
export const hireLoopRoutes = (
  <Fragment key="hire-loop-routes">
    <Route path="mes-candidatures" element={<MyApplicationsPage />} />
    <Route path="espace/candidatures" element={<InboxPage />} />
  </Fragment>
);
