import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useQuery } from "@tanstack/react-query";
import { contracts, type RomeFiche } from "@tremplin/core";
import type { ReactNode } from "react";
import { ApiError, callApi } from "../../api/client.js";

const getRome = contracts.referential.getRome;
const maxSkills = 5;

/** The few « cœur de métier » know-hows that say the most about the daily work. */
export function coreSkills(fiche: RomeFiche, limit = maxSkills): string[] {
  return fiche.skills.savoirFaire
    .filter((skill) => skill.core)
    .slice(0, limit)
    .map((skill) => skill.label);
}

interface RomeFicheCardProps {
  romeCode: string;
  /** The job title the person chose; said when the fiche bears another name. */
  chosenLabel?: string;
  titleAs?: "h2" | "h3";
}

function FicheContent({
  fiche,
  chosenLabel,
  titleAs: Title,
}: {
  fiche: RomeFiche;
  chosenLabel?: string;
  titleAs: "h2" | "h3";
}) {
  const skills = coreSkills(fiche);
  return (
    <div className={fr.cx("fr-card", "fr-card--no-arrow")}>
      <div className={fr.cx("fr-card__body")}>
        <div className={fr.cx("fr-card__content")}>
          <Title className={fr.cx("fr-card__title")}>{fiche.label}</Title>
          <div className={fr.cx("fr-card__desc")}>
            <p>{fiche.definition}</p>
            {fiche.access && (
              <>
                <p className={fr.cx("fr-text--bold", "fr-mb-1v")}>Comment y accéder ?</p>
                <p>{fiche.access}</p>
              </>
            )}
            {skills.length > 0 && (
              <>
                <p className={fr.cx("fr-text--bold", "fr-mb-1v")}>Ce que l'on fait au quotidien</p>
                <ul>
                  {skills.map((skill) => (
                    <li key={skill}>{skill}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <div className={fr.cx("fr-card__start")}>
            <ul className={fr.cx("fr-tags-group")}>
              <li>
                <p className={fr.cx("fr-tag", "fr-tag--sm")}>{fiche.domain.grandDomainLabel}</p>
              </li>
            </ul>
            {chosenLabel && chosenLabel !== fiche.label && (
              <p className={fr.cx("fr-card__detail")}>Métier choisi : {chosenLabel}</p>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}

/**
 * The ROME fiche of a job (what the work is, how to get there, key know-hows), as a DSFR card.
 * Loads it from the referential API; says so while loading and when it fails.
 */
export function RomeFicheCard({ romeCode, chosenLabel, titleAs = "h3" }: RomeFicheCardProps) {
  const fiche = useQuery({
    queryKey: ["rome", romeCode],
    queryFn: ({ signal }) => callApi(getRome, { params: { romeCode }, signal }),
  });

  let content: ReactNode;
  let announcement = "";
  if (fiche.isPending) {
    content = <p className={fr.cx("fr-text--sm")}>Chargement de la fiche métier…</p>;
  } else if (fiche.isError) {
    const message = fiche.error instanceof ApiError ? fiche.error.message : "La fiche métier n'a pas pu être chargée.";
    content = <Alert severity="error" small description={message} />;
    announcement = message;
  } else {
    content = <FicheContent fiche={fiche.data} chosenLabel={chosenLabel} titleAs={titleAs} />;
    announcement = `Fiche métier affichée : ${fiche.data.label}.`;
  }

  return (
    <div className={fr.cx("fr-mt-3w")}>
      {content}
      <p className={fr.cx("fr-sr-only")} role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
