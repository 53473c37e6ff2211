import { fr } from "@codegouvfr/react-dsfr";
import { ToggleSwitch } from "@codegouvfr/react-dsfr/ToggleSwitch";
import type { CfaInbox } from "@tremplin/core";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { useSetCfaPreference } from "./use-cfa-inbox.js";

/** Each organisation of the CFA: receive companies' requests or not (the opt-out link's switch, signed in). */
export function CfaOrganisationsPreferences({ organisations }: { organisations: CfaInbox["organisations"] }) {
  const change = useSetCfaPreference();
  if (organisations.length === 0)
    return (
      <p>
        Aucun organisme confirmé n'est rattaché à votre compte : confirmez votre adresse e-mail avec le lien reçu pour
        voir les demandes.
      </p>
    );
  return (
    <section aria-labelledby="titre-organismes-cfa" className={fr.cx("fr-mb-4w")}>
      <h2 id="titre-organismes-cfa" className={fr.cx("fr-h5")}>
        Vos organismes
      </h2>
      {change.isError && (
        <ApiErrorAlert error={change.error} title="Votre choix n'a pas pu être enregistré" className="fr-mb-2w" />
      )}
      <ul className="app-plain-list">
        {organisations.map((org) => (
          <li key={org.siret} className={fr.cx("fr-mb-2w")}>
            {org.inCatalogue ? (
              <ToggleSwitch
                label={`${org.name} reçoit les demandes des entreprises`}
                helperText={`SIRET ${org.siret}. Désactivé, votre centre n'est plus proposé aux entreprises.`}
                checked={org.acceptsRequests}
                disabled={change.isPending}
                labelPosition="right"
                showCheckedHint
                onChange={(acceptsRequests) => change.mutate({ siret: org.siret, acceptsRequests })}
              />
            ) : (
              <p className={fr.cx("fr-text--sm")}>
                <strong>{org.name}</strong> (SIRET {org.siret}) ne figure pas au catalogue des formations en
                apprentissage : les entreprises ne peuvent pas encore le solliciter. Ses formations y apparaîtront après
                leur déclaration au Carif-Oref de sa région.
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
