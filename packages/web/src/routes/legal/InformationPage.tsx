import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";
import { usePageTitle } from "../../layout/use-page-title.js";

/** The frame of the legal and information pages: one readable column, a title, a date of update. */
export function InformationPage({
  title,
  updated,
  children,
}: {
  title: string;
  /** « 5 décembre 2026 »: when the text last changed, as the legal pages must say. */
  updated?: string;
  children: ReactNode;
}) {
  usePageTitle(title);
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <div className={fr.cx("fr-grid-row")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-10", "fr-col-lg-8")}>
          <h1>{title}</h1>
          {updated && <p className={fr.cx("fr-text--sm")}>Mise à jour : {updated}</p>}
          {children}
        </div>
      </div>
    </div>
  );
}
