import { fr } from "@codegouvfr/react-dsfr";
import { useEffect, useRef } from "react";
import { PageContainer } from "../../../components/PageContainer.js";
import { usePageTitle } from "../../../layout/use-page-title.js";
import { RequestLinkForm } from "../sign-in/RequestLinkForm.js";

/** After the sign-up: the account waits for the email to be confirmed. */
export function CheckInbox({ email }: { email: string }) {
  usePageTitle("Vérifiez votre boîte de réception");
  const title = useRef<HTMLHeadingElement>(null);
  // The form disappeared: start reading from the new page's title.
  useEffect(() => title.current?.focus(), []);

  return (
    <PageContainer narrow>
      <h1 ref={title} tabIndex={-1}>
        Vérifiez votre boîte de réception
      </h1>
      <p className={fr.cx("fr-text--lead")}>
        Votre compte est créé. Nous avons envoyé un lien de confirmation à <strong>{email}</strong>.
      </p>
      <ol>
        <li>Ouvrez l'e-mail « Confirmez votre adresse pour activer votre compte Tremplin ».</li>
        <li>Cliquez sur le lien : il est valable 15 minutes et ne sert qu'une fois.</li>
        <li>Vous arrivez connecté dans votre espace, où vous pouvez déposer votre première offre.</li>
      </ol>
      <div className={fr.cx("fr-mt-6w")}>
        <h2 className={fr.cx("fr-h5")}>Vous n'avez rien reçu ?</h2>
        <p>
          Regardez dans les courriers indésirables. Le lien a expiré ? Demandez-en un nouveau : il confirmera aussi
          votre compte.
        </p>
        <RequestLinkForm initialEmail={email} submitLabel="Recevoir un nouveau lien" id="nouveau-lien-email" />
      </div>
    </PageContainer>
  );
}
