import { fr } from "@codegouvfr/react-dsfr";
import { SegmentedControl } from "@codegouvfr/react-dsfr/SegmentedControl";
import { useSearchParams } from "react-router";
import { RequireRole } from "../../auth/RequireRole.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { CfaInboxItemCard } from "./CfaInboxItemCard.js";
import { CfaOrganisationsPreferences } from "./CfaOrganisationsPreferences.js";
import { filterFromQuery, filterInbox, type InboxFilter, isWaiting, waitingSummary } from "./inbox-view.js";
import { useCfaInbox } from "./use-cfa-inbox.js";
import "../cfa-matching/cards.css";

const filterLabels: Record<InboxFilter, string> = {
  waiting: "À répondre",
  answered: "Répondues",
  all: "Toutes",
};

const emptyText: Record<InboxFilter, string> = {
  waiting: "Aucune demande n'attend votre réponse.",
  answered: "Vous n'avez encore répondu à aucune demande.",
  all: "Aucune entreprise ne vous a encore sollicité. Les demandes arrivent aussi par e-mail.",
};

function Inbox() {
  const inbox = useCfaInbox();
  const [search, setSearch] = useSearchParams();
  const filter = filterFromQuery(search.get("filtre"));
  if (inbox.isPending) return <Loading text="Chargement des demandes…" />;
  if (inbox.isError) return <ApiErrorAlert error={inbox.error} title="Les demandes n'ont pas pu être chargées" />;
  const { organisations, items } = inbox.data;
  const shown = filterInbox(items, filter);
  const segment = (value: InboxFilter) => ({
    label: filterLabels[value],
    nativeInputProps: {
      checked: filter === value,
      onChange: () => setSearch(value === "all" ? {} : { filtre: value }, { replace: true }),
    },
  });
  return (
    <>
      <CfaOrganisationsPreferences organisations={organisations} />
      <section aria-labelledby="titre-demandes-recues">
        <h2 id="titre-demandes-recues" className={fr.cx("fr-h5")}>
          Demandes reçues
        </h2>
        <p role="status">{waitingSummary(items.filter(isWaiting).length)}</p>
        <SegmentedControl
          small
          legend="Afficher"
          inlineLegend
          className={fr.cx("fr-mb-3w")}
          segments={[segment("all"), segment("waiting"), segment("answered")]}
        />
        {shown.length === 0 ? (
          <p>{emptyText[filter]}</p>
        ) : (
          <ul className="app-plain-list">
            {shown.map((item) => (
              <CfaInboxItemCard key={item.id} item={item} showOrganisation={organisations.length > 1} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** /espace/cfa/demandes: the companies' requests received by the CFA's organisations, and its answers. */
export function CfaRequestsPage() {
  usePageTitle("Demandes des entreprises");
  return (
    <RequireRole roles={["cfa"]}>
      <PageContainer narrow>
        <h1>Demandes des entreprises</h1>
        <p className={fr.cx("fr-text--lead")}>
          Des entreprises proches qui recrutent dans vos métiers vous font connaître leur besoin. Dites-leur si vous
          avez des candidats : elles sont prévenues aussitôt.
        </p>
        <Inbox />
      </PageContainer>
    </RequireRole>
  );
}
