import { Fragment } from "react";

/**
 * Candidates' pages (search, company pages, applications, a company's listing/delisting): placed
 * inside the layout by App.tsx. React Router reads Route elements through fragments.
 */
export const candidateRoutes = <Fragment key="candidate-routes" />;
