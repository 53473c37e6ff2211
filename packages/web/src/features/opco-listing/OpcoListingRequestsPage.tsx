import { fr } from "@codegouvfr/react-dsfr";
import { ToggleSwitch } from "@codegouvfr/react-dsfr/ToggleSwitch";
import { opcoInSentence, withPreposition } from "@tremplin/core";
import { Link, useSearchParams } from "react-router";
import { RequireRole } from "../../auth/RequireRole.js";
import { useMe } from "../../auth/use-me.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { ListingRequestList, type RequestQueue } from "../admin-algo/ListingRequestList.js";

/**
 * /opco/referencements: companies of the adviser's OPCO asking to be listed among the companies
 * likely to hire (the API answers with that OPCO's requests only). Accepting exposes the company for
 * the jobs asked; refusing needs a reason, emailed to the company. The admin sees the same requests.
 */
export function OpcoListingRequestsPage() {
  usePageTitle("Demandes de référencement");
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const status: RequestQueue = search.get("toutes") === "1" ? "all" : "open";
  return (
    <RequireRole roles={["opco"]}>
      <PageContainer narrow>
        <nav aria-label="Retour" className={fr.cx("fr-mb-2w")}>
          <Link className={fr.cx("fr-link", "fr-icon-arrow-left-line", "fr-link--icon-left")} to="/opco">
            Espace OPCO
          </Link>
        </nav>
        <h1>Demandes de référencement</h1>
        <p className={fr.cx("fr-text--lead")}>
          Des entreprises
          {me.data?.opco ? ` relevant ${withPreposition("de", opcoInSentence(me.data.opco.name))}` : " de votre OPCO"}{" "}
          demandent à figurer parmi les entreprises susceptibles de recruter en alternance, que les candidats voient
          dans leur recherche.
        </p>
        <p className={fr.cx("fr-text--sm")}>
          Acceptée, l'entreprise est exposée pour les métiers demandés, dès maintenant et aux calculs suivants. Un refus
          demande un motif, transmis par e-mail au contact de l'entreprise.
        </p>
        <ToggleSwitch
          label="Afficher aussi les demandes déjà traitées"
          checked={status === "all"}
          onChange={(all) => setSearch(all ? { toutes: "1" } : {}, { replace: true })}
          className={fr.cx("fr-mb-3w")}
        />
        <ListingRequestList status={status} companyLinks={false} />
      </PageContainer>
    </RequireRole>
  );
}
