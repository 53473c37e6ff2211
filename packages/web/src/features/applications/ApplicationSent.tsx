import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { ApplicationReceipt } from "@tremplin/core";
import { useEffect, useRef } from "react";
import { Link } from "react-router";

/** What the candidate reads once the application is sent; takes the focus so that it is read out. */
export function ApplicationSent({ receipt, recipientName }: { receipt: ApplicationReceipt; recipientName: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div>
      <h3 ref={heading} tabIndex={-1} className={fr.cx("fr-h4")}>
        Votre candidature est envoyée
      </h3>
      <Alert
        severity="success"
        title={`${recipientName} a reçu votre candidature`}
        description={
          <>
            {receipt.message}
            {receipt.cv && (
              <>
                <br />
                CV joint : {receipt.cv.fileName}
              </>
            )}
          </>
        }
      />
      <p className={fr.cx("fr-mt-3w")}>
        La réponse du recruteur arrivera par e-mail : pensez à regarder aussi dans vos courriers indésirables.
      </p>
      <Link className={fr.cx("fr-btn", "fr-btn--secondary")} to="/recherche">
        Chercher d'autres offres
      </Link>
    </div>
  );
}
