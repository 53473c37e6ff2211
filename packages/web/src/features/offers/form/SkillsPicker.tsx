import { fr } from "@codegouvfr/react-dsfr";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import type { RomeFiche, SelectedSkills, Skill, SkillKind } from "@tremplin/core";
import { useState } from "react";

const kindLegends: Record<SkillKind, { legend: string; hint: string }> = {
  savoirFaire: { legend: "Missions (savoir-faire)", hint: "Ce que l'alternant fera au quotidien." },
  savoirEtre: { legend: "Qualités attendues (savoir-être)", hint: "Les qualités qui comptent pour ce poste." },
  savoirs: { legend: "Ce qu'il apprendra (connaissances)", hint: "Les connaissances acquises pendant le contrat." },
};

export const skillsFieldId = "offre-competences";

interface SkillsPickerProps {
  fiche: RomeFiche;
  selected: SelectedSkills;
  onChange: (selected: SelectedSkills) => void;
  error?: string;
}

/** The fiche's skills first shown: the ticked ones and the « cœur de métier » ones; the rest on demand. */
function firstShown(skills: Skill[], ticked: readonly string[]): Skill[] {
  return skills.filter((skill) => skill.core || ticked.includes(skill.code));
}

function SkillKindField({
  kind,
  skills,
  ticked,
  onToggle,
}: {
  kind: SkillKind;
  skills: Skill[];
  ticked: string[];
  onToggle: (code: string, checked: boolean) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const shortList = firstShown(skills, ticked);
  const shown = showAll || shortList.length === 0 ? skills : shortList;
  const hidden = skills.length - shown.length;
  if (skills.length === 0) return null;

  return (
    <div className={fr.cx("fr-mb-3w")}>
      <Checkbox
        id={kind === "savoirFaire" ? skillsFieldId : `${skillsFieldId}-${kind}`}
        legend={kindLegends[kind].legend}
        hintText={kindLegends[kind].hint}
        small
        options={shown.map((skill) => ({
          label: skill.label,
          nativeInputProps: {
            value: skill.code,
            checked: ticked.includes(skill.code),
            onChange: (event) => onToggle(skill.code, event.target.checked),
          },
        }))}
      />
      {hidden > 0 && (
        <button type="button" className={fr.cx("fr-link", "fr-text--sm")} onClick={() => setShowAll(true)}>
          Voir {hidden === 1 ? "l'autre compétence" : `les ${hidden} autres compétences`} de la fiche
        </button>
      )}
    </div>
  );
}

/**
 * The skills of the ROME fiche, ticked as core's defaultSkills chose them. Each change updates the
 * generated text of the preview.
 */
export function SkillsPicker({ fiche, selected, onChange, error }: SkillsPickerProps) {
  return (
    <div className={fr.cx("fr-input-group", error !== undefined && "fr-input-group--error")}>
      <p className={fr.cx("fr-text--bold", "fr-mb-1w")}>Compétences (fiche métier {fiche.romeCode})</p>
      <p className={fr.cx("fr-text--sm")}>
        Cochées par défaut : les compétences « cœur de métier ». Le texte de l'offre suit vos choix.
      </p>
      {error && <p className={fr.cx("fr-message", "fr-message--error", "fr-mb-2w")}>{error}</p>}
      {(Object.keys(kindLegends) as SkillKind[]).map((kind) => (
        <SkillKindField
          key={kind}
          kind={kind}
          skills={fiche.skills[kind]}
          ticked={selected[kind]}
          onToggle={(code, checked) =>
            onChange({
              ...selected,
              // Kept in the fiche's order, as the generated text lists them.
              [kind]: fiche.skills[kind]
                .map((skill) => skill.code)
                .filter((c) => (c === code ? checked : selected[kind].includes(c))),
            })
          }
        />
      ))}
    </div>
  );
}
