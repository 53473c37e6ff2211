import { fr } from "@codegouvfr/react-dsfr";
import type { AppellationSuggestion } from "@tremplin/core";
import { useState } from "react";
import { Link } from "react-router";
import { CommuneAutocomplete, communeLabel } from "../features/referential/CommuneAutocomplete.js";
import { JobAutocomplete } from "../features/referential/JobAutocomplete.js";
import { RomeFicheCard } from "../features/referential/RomeFicheCard.js";
import { type SearchPlace, searchPath } from "../features/search/search-params.js";
import { usePageTitle } from "../layout/use-page-title.js";
import "./home-page.css";

const recruiterSteps = [
  {
    title: "Déposez votre offre en une minute, gratuitement",
    text: "Votre numéro SIRET, le métier et la date de début suffisent : le texte de l'offre est rédigé pour vous.",
  },
  {
    title: "Votre OPCO certifie votre compte",
    text: "L'OPCO, l'organisme qui finance l'apprentissage dans votre secteur, vérifie votre compte : les candidats savent que l'offre est sérieuse.",
  },
  {
    title: "Les centres de formation proches sont prévenus",
    text: "Vous pouvez partager votre besoin avec les CFA de votre secteur, qui connaissent des jeunes à la recherche d'un contrat.",
  },
  {
    title: "Votre offre est diffusée tout de suite",
    text: "Elle apparaît aussitôt sur les sites partenaires de l'alternance.",
  },
  {
    title: "30 jours en ligne, prolongés en un clic",
    text: "Nous vous prévenons 7 jours avant la fin. Si vous cherchez encore, un clic suffit pour la prolonger.",
  },
];

const candidateSteps = [
  { title: "Des offres près de chez vous", text: "Cherchez par métier et par ville." },
  {
    title: "Des entreprises qui recrutent souvent des alternants",
    text: "Même sans offre publiée, elles ont de bonnes chances d'embaucher : proposez-leur votre candidature.",
  },
  { title: "Les formations qui vont avec", text: "Trouvez le diplôme à préparer et l'école qui le propose." },
  {
    title: "Postulez depuis votre téléphone",
    text: "Envoyez votre candidature en quelques minutes, où que vous soyez.",
  },
];

function StepList({ steps }: { steps: { title: string; text: string }[] }) {
  return (
    <ol className="app-steps">
      {steps.map((step) => (
        <li key={step.title} className="app-steps__item">
          <p className={fr.cx("fr-text--bold", "fr-mb-1v")}>{step.title}</p>
          <p className={fr.cx("fr-text--sm", "fr-mb-0")}>{step.text}</p>
        </li>
      ))}
    </ol>
  );
}

/** What Tremplin does, for the two people it serves, and a first taste of the job search. */
export function HomePage() {
  usePageTitle("Accueil");
  const [job, setJob] = useState<AppellationSuggestion | null>(null);
  const [place, setPlace] = useState<SearchPlace | null>(null);
  // Both chosen: straight to the results. One of them: the search page opens with it and asks for the other.
  const searchTarget =
    job || place
      ? searchPath({
          job: job ? { appellationCode: job.codeOgr, romeCode: job.romeCode, label: job.label } : null,
          place,
        })
      : "/recherche";
  const searchLabel =
    job && place ? "Voir les offres" : job ? "Voir les offres pour ce métier" : "Chercher une alternance";

  return (
    <>
      <section className={fr.cx("fr-py-6w", "fr-py-md-8w")} aria-labelledby="titre-accueil">
        <div className={fr.cx("fr-container")}>
          <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
            <div className={fr.cx("fr-col-12", "fr-col-lg-7")}>
              <h1 id="titre-accueil">Trouvez votre alternance. Recrutez votre alternant.</h1>
              <p className={fr.cx("fr-text--lead")}>
                Tremplin réunit les offres d'apprentissage, les entreprises qui recrutent des alternants et les
                formations, au même endroit. C'est gratuit, pour les jeunes comme pour les entreprises.
              </p>
            </div>
            <div className={fr.cx("fr-col-12", "fr-col-lg-5")}>
              <div className="app-search-panel">
                <h2 className={fr.cx("fr-h5")}>Quel métier vous intéresse, et où ?</h2>
                <JobAutocomplete
                  id="metier"
                  label="Métier"
                  hint="Par exemple : boulanger, vendeur."
                  onSelect={setJob}
                />
                <CommuneAutocomplete
                  id="lieu"
                  label="Ville ou code postal"
                  hint="Par exemple : Lyon, 33000."
                  onSelect={(commune) =>
                    setPlace(
                      commune ? { label: communeLabel(commune), latitude: commune.lat, longitude: commune.lon } : null,
                    )
                  }
                />
                <p>
                  <Link className={fr.cx("fr-btn", "fr-btn--icon-left", "fr-icon-search-line")} to={searchTarget}>
                    {searchLabel}
                  </Link>
                </p>
              </div>
            </div>
          </div>
          {job && (
            // Narrower than the page: long lines of text are hard to read.
            <div className={fr.cx("fr-grid-row")}>
              <div className={fr.cx("fr-col-12", "fr-col-lg-8")}>
                <RomeFicheCard romeCode={job.romeCode} chosenLabel={job.label} titleAs="h3" />
              </div>
            </div>
          )}
        </div>
      </section>

      <div className="app-band">
        <div className={fr.cx("fr-container", "fr-py-6w")}>
          <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
            <section className={fr.cx("fr-col-12", "fr-col-md-6")} aria-labelledby="titre-candidats">
              <h2 id="titre-candidats">Vous cherchez une alternance</h2>
              <StepList steps={candidateSteps} />
              <Link className={fr.cx("fr-btn", "fr-btn--secondary", "fr-mb-4w")} to="/recherche">
                Chercher une offre ou une entreprise
              </Link>
            </section>
            <section className={fr.cx("fr-col-12", "fr-col-md-6")} aria-labelledby="titre-recruteurs">
              <h2 id="titre-recruteurs">Vous recrutez en alternance</h2>
              <StepList steps={recruiterSteps} />
              <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-mb-4w")}>
                <li>
                  <Link className={fr.cx("fr-btn")} to="/espace/offres/nouvelle">
                    Déposer une offre
                  </Link>
                </li>
                <li>
                  <Link className={fr.cx("fr-btn", "fr-btn--secondary")} to="/inscription">
                    Créer mon compte entreprise
                  </Link>
                </li>
              </ul>
            </section>
          </div>
        </div>
      </div>

      <section className={fr.cx("fr-container", "fr-py-6w")} aria-labelledby="titre-alternance">
        <div className={fr.cx("fr-grid-row")}>
          <div className={fr.cx("fr-col-12", "fr-col-md-8")}>
            <h2 id="titre-alternance">L'alternance, c'est quoi ?</h2>
            <p>
              Vous préparez un diplôme en étant salarié : une partie du temps en entreprise, une partie dans un centre
              de formation. Vous êtes payé, et votre formation est prise en charge. On parle de contrat d'apprentissage
              ou de contrat de professionnalisation.
            </p>
          </div>
        </div>
      </section>
    </>
  );
}
