import { Link } from "react-router";
import { StackedTable } from "../../components/StackedTable.js";
import { InformationPage } from "./InformationPage.js";
import { OperatorValue } from "./OperatorValue.js";
import {
  assessmentDate,
  type CriterionResult,
  complianceState,
  rgaaThemes,
  samplePages,
  summarise,
} from "./rgaa-assessment.js";
import { useOperator } from "./use-operator.js";

const resultWords: Record<CriterionResult, string> = {
  C: "conforme",
  NC: "non conforme",
  NA: "non applicable",
  NT: "pas encore vérifié",
};

export function AccessibilityPage() {
  const operator = useOperator();
  const summary = summarise(rgaaThemes);
  const state = complianceState(summary);
  const failures = rgaaThemes.flatMap((theme) =>
    theme.results.flatMap((result, index) => {
      const criterion = `${theme.number}.${index + 1}`;
      return result === "NC" ? [{ criterion, note: theme.notes[criterion] ?? "" }] : [];
    }),
  );

  return (
    <InformationPage title="Déclaration d'accessibilité" updated={assessmentDate}>
      <p>
        <OperatorValue value={operator.name} /> s'engage à rendre ses services numériques accessibles, conformément à
        l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s'applique au site Tremplin.
      </p>

      <h2>État de conformité</h2>
      <p>
        Tremplin est <strong>{state}</strong> avec le référentiel général d'amélioration de l'accessibilité (RGAA),
        version 4.1
        {summary.notTested > 0
          ? ` : l'évaluation n'est pas encore complète (${summary.notTested} critères applicables restent à vérifier), et un site sans évaluation complète ne peut pas se déclarer conforme, même partiellement.`
          : ", en raison des non-conformités énumérées plus bas."}
      </p>

      <h2>Résultats des tests</h2>
      <p>
        L'auto-évaluation partielle menée par l'équipe de Tremplin le {assessmentDate} révèle que{" "}
        <strong>{summary.rate} % des critères vérifiés sont respectés</strong> : {summary.conforming} critères conformes
        et {summary.nonConforming} non conforme{summary.nonConforming > 1 ? "s" : ""}, sur les{" "}
        {summary.conforming + summary.nonConforming} critères applicables vérifiés. {summary.notTested} critères
        applicables n'ont pas encore été vérifiés, et {summary.notApplicable} ne s'appliquent pas (il n'y a sur Tremplin
        ni vidéo, ni son, ni cadre, ni captcha).
      </p>
      <p>
        Il s'agit d'une auto-évaluation, pas d'un audit réalisé par un organisme indépendant. Ce qui a été fait : le
        contrôle automatique de chaque page de l'échantillon avec l'outil axe-core, sur téléphone et sur ordinateur, à
        chaque exécution des tests de parcours (aucun défaut grave ou critique accepté, aucun défilement horizontal), et
        une lecture du code. Ce qui n'a pas encore été fait : l'utilisation au clavier seul, avec un lecteur d'écran,
        avec un zoom à 200 %, à 320 pixels de large, avec l'espacement du texte augmenté, et sans feuille de style. Les
        critères qui en dépendent sont marqués « pas encore vérifié » ci-dessous ; un outil automatique ne détecte
        qu'une partie des défauts.
      </p>

      <h2>Contenus non accessibles</h2>
      <h3>Non-conformités</h3>
      {failures.length === 0 ? (
        <p>Aucune non-conformité relevée sur l'échantillon parmi les critères vérifiés.</p>
      ) : (
        <ul>
          {failures.map((failure) => (
            <li key={failure.criterion}>
              Critère {failure.criterion} : {failure.note}
            </li>
          ))}
        </ul>
      )}
      <h3>Dérogations pour charge disproportionnée</h3>
      <p>Aucune.</p>
      <h3>Contenus non soumis à l'obligation d'accessibilité</h3>
      <p>
        Les CV et les pièces jointes envoyés par les candidats, qui sont transmis tels quels aux recruteurs, et le
        document technique de l'API au format OpenAPI (JSON), destiné aux programmes : sa version lisible est la{" "}
        <Link to="/api-partenaires/reference">référence de l'API</Link>.
      </p>

      <h2>Établissement de cette déclaration</h2>
      <p>Cette déclaration a été établie le {assessmentDate}.</p>
      <h3>Technologies utilisées</h3>
      <p>HTML5, CSS, JavaScript (React), WAI-ARIA, Système de design de l'État (DSFR).</p>
      <h3>Environnement de test</h3>
      <ul>
        <li>Chromium sous Linux, sur ordinateur (1 280 pixels de large) et en vue téléphone (390 pixels)</li>
        <li>axe-core, pour les tests automatiques (règles des défauts graves et critiques)</li>
      </ul>
      <h3>Pages de l'échantillon</h3>
      <ul>
        {samplePages.map((page) => (
          <li key={page.path}>
            {page.title} ({page.path})
          </li>
        ))}
      </ul>

      <h3>Résultat par critère</h3>
      <StackedTable
        hideCaption
        caption="Résultat de chaque critère du RGAA 4.1, par thématique"
        head={["Thématique", "Conformes", "Non conformes", "Pas encore vérifiés", "Non applicables"]}
      >
        {rgaaThemes.map((theme) => {
          const list = (wanted: CriterionResult) =>
            theme.results
              .map((result, index) => (result === wanted ? `${theme.number}.${index + 1}` : null))
              .filter((criterion) => criterion !== null)
              .join(", ") || "aucun";
          return (
            <tr key={theme.number}>
              <th scope="row">
                {theme.number}. {theme.title}
              </th>
              <td data-label="Conformes">{list("C")}</td>
              <td data-label="Non conformes">{list("NC")}</td>
              <td data-label="Pas encore vérifiés">{list("NT")}</td>
              <td data-label="Non applicables">{list("NA")}</td>
            </tr>
          );
        })}
      </StackedTable>
      <h3>Remarques sur quelques critères</h3>
      <ul>
        {rgaaThemes.flatMap((theme) =>
          Object.entries(theme.notes)
            .filter(([criterion]) => theme.results[Number(criterion.split(".")[1]) - 1] !== "NC")
            .map(([criterion, note]) => (
              <li key={criterion}>
                Critère {criterion} ({resultWords[theme.results[Number(criterion.split(".")[1]) - 1] ?? "NA"]}) : {note}
              </li>
            )),
        )}
      </ul>

      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez-nous par le{" "}
        <Link to="/contact">formulaire de contact</Link> ou à <OperatorValue value={operator.contactEmail} /> : nous
        vous aiderons à obtenir l'information ou à faire la démarche par un autre moyen.
      </p>

      <h2>Voies de recours</h2>
      <p>
        Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service et
        que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez :
      </p>
      <ul>
        <li>
          écrire un message au{" "}
          <a
            href="https://formulaire.defenseurdesdroits.fr/"
            target="_blank"
            rel="noreferrer"
            title="Défenseur des droits - nouvelle fenêtre"
          >
            Défenseur des droits
          </a>
          ;
        </li>
        <li>
          contacter{" "}
          <a
            href="https://www.defenseurdesdroits.fr/saisir/delegues"
            target="_blank"
            rel="noreferrer"
            title="délégué du Défenseur des droits dans votre région - nouvelle fenêtre"
          >
            le délégué du Défenseur des droits dans votre région
          </a>
          ;
        </li>
        <li>
          envoyer un courrier, gratuit et sans timbre, à : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX
          07.
        </li>
      </ul>
    </InformationPage>
  );
}
