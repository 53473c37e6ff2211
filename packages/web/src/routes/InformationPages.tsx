import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";
import { usePageTitle } from "../layout/use-page-title.js";

function InformationPage({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <div className={fr.cx("fr-grid-row")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-8")}>
          <h1>{title}</h1>
          {children}
        </div>
      </div>
    </div>
  );
}

// These pages are required by the footer of every public service. Their final wording belongs to
// the service's owner; until then they say plainly what is and is not known.

export function AccessibilityPage() {
  return (
    <InformationPage title="Accessibilité">
      <p>
        Tremplin est conçu avec le Système de design de l'État (DSFR) pour être utilisable par toutes et tous, au
        clavier, avec un lecteur d'écran ou sur un petit écran.
      </p>
      <p>
        <strong>État de conformité :</strong> Tremplin est <strong>non conforme</strong> au référentiel général
        d'amélioration de l'accessibilité (RGAA), car aucun audit n'a encore été réalisé.
      </p>
      <p>
        Si vous n'arrivez pas à utiliser une page, dites-le nous : nous vous aiderons à obtenir l'information ou à faire
        la démarche par un autre moyen.
      </p>
    </InformationPage>
  );
}

export function LegalNoticePage() {
  return (
    <InformationPage title="Mentions légales">
      <p>
        Cette page présentera l'éditeur du service, le directeur de la publication et l'hébergeur. Elle est en cours de
        rédaction.
      </p>
    </InformationPage>
  );
}

export function PersonalDataPage() {
  return (
    <InformationPage title="Données personnelles">
      <p>
        Cette page décrira les données personnelles traitées par Tremplin, leur finalité, leur durée de conservation et
        la façon d'exercer vos droits. Elle est en cours de rédaction.
      </p>
    </InformationPage>
  );
}
