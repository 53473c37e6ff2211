import { Fragment } from "react";

/**
 * Pages of recruiters, CFAs and staff that came after the offers (CFA matching, CFA requests and
 * space, applications received, reports and algorithm administration, partner API): placed inside
 * the layout by App.tsx. React Router reads Route elements through fragments.
 */
export const professionalRoutes = <Fragment key="professional-routes" />;
