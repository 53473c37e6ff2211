import { fr } from "@codegouvfr/react-dsfr";
import { RequireRole } from "../../../auth/RequireRole.js";
import { displayName, isIntermediary, posterRoles } from "../../../auth/roles.js";
import { useMe } from "../../../auth/use-me.js";
import { PageContainer } from "../../../components/PageContainer.js";
import { usePageTitle } from "../../../layout/use-page-title.js";
import { OrganisationsSection } from "../../accounts/OrganisationsSection.js";
import { CfaRequestsSummary } from "../../cfa-space/CfaRequestsSummary.js";
import { InboxSummary } from "../../inbox/InboxSummary.js";
import { MembersSection } from "../../memberships/MembersSection.js";
import { SpontaneousApplicationsSummary } from "../../spontaneous-applications/SpontaneousApplicationsSummary.js";
import { MyOffersSection } from "./MyOffersSection.js";
import { PartnerCompaniesSection } from "./PartnerCompaniesSection.js";
import { useMyOffers } from "./use-my-offers.js";

/** /espace: the recruiter's (or CFA's, chamber's, OPCO adviser's) offers and organisations. */
export function SpacePage() {
  usePageTitle("Mon espace");
  const me = useMe();
  const person = me.data;
  const offers = useMyOffers(Boolean(person && (posterRoles as readonly string[]).includes(person.role)));
  return (
    <RequireRole roles={posterRoles}>
      {person && (
        <PageContainer>
          <h1>Mon espace</h1>
          <p className={fr.cx("fr-text--lead")}>Bonjour {displayName(person)}.</p>
          <OrganisationsSection organisations={person.organisations} hasOffers={(offers.data?.items.length ?? 0) > 0} />
          {(person.role === "recruiter" || person.role === "cfa") && (
            <MembersSection organisations={person.organisations} />
          )}
          {person.role === "cfa" && <CfaRequestsSummary />}
          <InboxSummary />
          {person.role === "recruiter" && <SpontaneousApplicationsSummary />}
          <MyOffersSection showCompany={isIntermediary(person.role)} />
          {isIntermediary(person.role) && <PartnerCompaniesSection />}
        </PageContainer>
      )}
    </RequireRole>
  );
}
