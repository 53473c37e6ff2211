import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

/** The usual page frame: a container with vertical rhythm; `narrow` for forms and short texts. */
export function PageContainer({ children, narrow = false }: { children: ReactNode; narrow?: boolean }) {
  return (
    <div className={fr.cx("fr-container", "fr-py-4w", "fr-py-md-6w")}>
      {narrow ? (
        <div className={fr.cx("fr-grid-row")}>
          <div className={fr.cx("fr-col-12", "fr-col-md-10", "fr-col-lg-8")}>{children}</div>
        </div>
      ) : (
        children
      )}
    </div>
  );
}
