import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import { contracts, displayName, type RecruitingCompany, withPreposition } from "@tremplin/core";
import { Link, useParams } from "react-router";
import { ApiError, callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { placeLabel } from "../search/result-labels.js";
import { ApplicationForm } from "./ApplicationForm.js";
import "./applications.css";
import { ReportForm } from "../reports/ReportForm.js";

function NotExposed() {
  return (
    <PageContainer narrow>
      <h1>Entreprise introuvable</h1>
      <p className={fr.cx("fr-text--lead")}>
        Cette entreprise ne fait pas (ou plus) partie des entreprises susceptibles de recruter en alternance. D'autres
        entreprises recrutent peut-être près de chez vous.
      </p>
      <Link className={fr.cx("fr-btn")} to="/recherche">
        Chercher une alternance
      </Link>
    </PageContainer>
  );
}

/** Why this company is shown: its jobs, each with the algorithm's plain-French explanation. */
function CompanyJobs({ company }: { company: RecruitingCompany }) {
  return (
    <section aria-labelledby="titre-metiers" className={fr.cx("fr-mb-4w")}>
      <h2 id="titre-metiers" className={fr.cx("fr-h4")}>
        Métiers pour lesquels elle recrute souvent
      </h2>
      <ul>
        {company.jobs.map((job) => (
          <li key={job.romeCode}>
            <strong>{job.romeLabel}</strong>
            {job.declared ? " (indiqué par l'entreprise)" : ""} : {job.explanation}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * /entreprises/:siret: a company the algorithm (or the company itself) says is likely to hire
 * apprentices, and the spontaneous application form (CV required).
 */
export function CompanyPage() {
  const { siret = "" } = useParams();
  const company = useQuery({
    queryKey: ["recruiting-company", siret],
    queryFn: ({ signal }) => callApi(contracts.algoCompanies.getRecruitingCompany, { params: { siret }, signal }),
  });
  const missing =
    company.error instanceof ApiError &&
    ["ALGO_COMPANY_NOT_EXPOSED", "SIRET_UNKNOWN", "SIRET_INVALID"].includes(company.error.code);
  usePageTitle((company.data && displayName(company.data.name)) ?? (missing ? "Entreprise introuvable" : "Entreprise"));

  if (company.isPending) return <Loading text="Chargement de l'entreprise…" />;
  if (company.isError) {
    if (missing) return <NotExposed />;
    return (
      <PageContainer narrow>
        <ApiErrorAlert error={company.error} title="L'entreprise n'a pas pu être chargée" />
      </PageContainer>
    );
  }

  const { data } = company;
  const place = placeLabel(data.city, data.postalCode);
  return (
    <PageContainer narrow>
      <p className={fr.cx("fr-badge", "fr-badge--purple-glycine", "fr-mb-2w")}>Entreprise susceptible de recruter</p>
      <h1>{displayName(data.name)}</h1>
      <p className={fr.cx("fr-text--lead")}>{[data.nafLabel, place].filter(Boolean).join(" · ")}</p>
      <div className={fr.cx("fr-callout", "fr-mb-4w")}>
        <p className={fr.cx("fr-callout__text", "fr-text--md")}>
          D'après ses recrutements passés, cette entreprise a de bonnes chances d'embaucher un alternant dans les
          prochains mois
          {data.openOffers.length > 0
            ? "."
            : ", même sans offre publiée : une candidature spontanée peut arriver au bon moment."}
        </p>
      </div>
      <CompanyJobs company={data} />
      {data.openOffers.length > 0 && (
        <section className={fr.cx("fr-mb-4w")} aria-labelledby="titre-offres-en-ligne">
          <h2 id="titre-offres-en-ligne" className={fr.cx("fr-h4")}>
            {data.openOffers.length === 1 ? "Son offre en ligne" : "Ses offres en ligne"}
          </h2>
          <p>Une offre précise vaut mieux qu'une candidature spontanée : postulez-y directement.</p>
          <ul>
            {data.openOffers.map((offer) => (
              <li key={offer.id}>
                <Link to={`/offres/${offer.id}`}>{offer.title}</Link>
                {offer.city && ` · ${offer.city}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="app-apply" aria-labelledby="titre-postuler">
        <h2 id="titre-postuler" className={fr.cx("fr-h3")}>
          Candidature spontanée
        </h2>
        <ApplicationForm
          target={{ siret: data.siret }}
          recipientName={displayName(data.name)}
          intro={
            <p>
              Votre candidature et votre CV sont transmis par e-mail {withPreposition("à", displayName(data.name))}.
              Votre adresse e-mail et votre téléphone ne sont donnés qu'à cette entreprise.
            </p>
          }
        />
      </section>
      <p className={fr.cx("fr-text--xs", "fr-mt-4w")}>
        Vous représentez cette entreprise et ne souhaitez plus apparaître ici ?{" "}
        <Link to={`/entreprises/dereferencement?siret=${data.siret}`}>Demander le retrait de la liste</Link>
      </p>
      <ReportForm target={{ kind: "company", siret: data.siret }} />
    </PageContainer>
  );
}
