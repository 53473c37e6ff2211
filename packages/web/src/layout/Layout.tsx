import { fr } from "@codegouvfr/react-dsfr";
import { Display, headerFooterDisplayItem } from "@codegouvfr/react-dsfr/Display";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { Suspense } from "react";
import { Outlet, useLocation } from "react-router";
import { Loading } from "../components/Loading.js";
import { complianceState, rgaaThemes, summarise } from "../routes/legal/rgaa-assessment.js";
import { isNavigationEntryActive, navigationFor } from "./navigation.js";
import { useAccountQuickAccess } from "./use-account-quick-access.js";
import { useFocusOnNavigation } from "./use-focus-on-navigation.js";

const headerId = "en-tete";
const footerId = "pied-de-page";
export const mainContentId = "contenu";

// The « bloc Marianne » text: the official name of the State, on two lines as the DSFR requires.
const brandTop = (
  <>
    République
    <br />
    Française
  </>
);

// The footer's words for the state the accessibility declaration gives (from the self-assessment).
const footerCompliance = {
  "totalement conforme": "fully compliant",
  "partiellement conforme": "partially compliant",
  "non conforme": "non compliant",
} as const;

const homeLinkProps = { to: "/", title: "Accueil - Tremplin (République Française)" };

/** Page frame shared by every route: skip links, DSFR header and navigation, main, footer. */
export function Layout() {
  const { pathname } = useLocation();
  useFocusOnNavigation();
  const { me, quickAccessItems } = useAccountQuickAccess();

  return (
    <>
      <SkipLinks
        links={[
          { label: "Contenu", anchor: `#${mainContentId}` },
          { label: "Menu", anchor: `#${headerId}-main-navigation` },
          { label: "Pied de page", anchor: `#${footerId}` },
        ]}
      />
      <Header
        id={headerId}
        brandTop={brandTop}
        homeLinkProps={homeLinkProps}
        serviceTitle="Tremplin"
        serviceTagline="L'alternance, du dépôt d'offre à la candidature"
        quickAccessItems={[...quickAccessItems, headerFooterDisplayItem]}
        navigation={navigationFor(me).map((entry) => ({
          text: entry.text,
          linkProps: { to: entry.to },
          isActive: isNavigationEntryActive(entry, pathname),
        }))}
      />
      <main id={mainContentId} tabIndex={-1} className="app-main">
        {/* Pages are loaded on first visit (app/lazy-page.tsx): the frame stays while one arrives. */}
        <Suspense
          fallback={
            <div className={fr.cx("fr-container")}>
              <Loading text="Chargement de la page…" />
            </div>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <Footer
        id={footerId}
        brandTop={brandTop}
        homeLinkProps={homeLinkProps}
        accessibility={footerCompliance[complianceState(summarise(rgaaThemes))]}
        accessibilityLinkProps={{ to: "/accessibilite" }}
        termsLinkProps={{ to: "/mentions-legales" }}
        contentDescription="Tremplin rapproche les entreprises qui recrutent en alternance, les centres de formation et les jeunes qui cherchent un contrat d'apprentissage ou de professionnalisation."
        bottomItems={[
          { text: "Données personnelles", linkProps: { to: "/donnees-personnelles" } },
          { text: "Plan du site", linkProps: { to: "/plan-du-site" } },
          { text: "Baromètre de l'alternance", linkProps: { to: "/barometre" } },
          { text: "Référence de l'API", linkProps: { to: "/api-partenaires/reference" } },
          { text: "Intégrer l'API", linkProps: { to: "/api-partenaires" } },
          headerFooterDisplayItem,
        ]}
      />
      <Display />
    </>
  );
}
