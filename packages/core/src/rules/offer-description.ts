import type { RomeFiche, Skill, SkillKind } from "../schemas/referential.js";

export interface SelectedSkills {
  savoirFaire: string[];
  savoirEtre: string[];
  savoirs: string[];
}

/** The skills a recruiter starts from: the fiche's core skills, a handful of each kind. */
export function defaultSkills(fiche: Pick<RomeFiche, "skills">, perKind = 6): SelectedSkills {
  const pick = (skills: Skill[]) => {
    const core = skills.filter((s) => s.core);
    return (core.length > 0 ? core : skills).slice(0, perKind).map((s) => s.code);
  };
  return {
    savoirFaire: pick(fiche.skills.savoirFaire),
    savoirEtre: fiche.skills.savoirEtre.slice(0, 4).map((s) => s.code),
    savoirs: pick(fiche.skills.savoirs),
  };
}

/** Labels of the chosen skills, in the fiche's order; codes that are not in the fiche are returned apart. */
export function resolveSkills(fiche: Pick<RomeFiche, "skills">, selected: SelectedSkills) {
  const unknown: string[] = [];
  const resolved = {} as Record<SkillKind, Skill[]>;
  for (const kind of ["savoirFaire", "savoirEtre", "savoirs"] as const) {
    const chosen = new Set(selected[kind]);
    resolved[kind] = fiche.skills[kind].filter((s) => chosen.has(s.code));
    const known = new Set(fiche.skills[kind].map((s) => s.code));
    for (const code of selected[kind]) if (!known.has(code)) unknown.push(code);
  }
  return { resolved, unknown };
}

const sentence = (text: string) => {
  const t = text.trim().replace(/\s+/g, " ");
  if (!t) return "";
  const capitalised = t[0]?.toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
};

const list = (title: string, items: Skill[]) =>
  items.length === 0 ? "" : `${title}\n${items.map((s) => `- ${s.label.trim().replace(/\.$/, "")}`).join("\n")}`;

/**
 * The offer text generated from the ROME fiche: what the job is, then the chosen skills as short
 * lists. Plain text with "- " lists, so every channel (page, API, XML feed, email) can render it.
 * The same function runs in the browser (live preview) and on the server (stored text).
 */
export function generateOfferDescription(
  fiche: Pick<RomeFiche, "definition" | "skills">,
  selected: SelectedSkills,
): string {
  const { resolved } = resolveSkills(fiche, selected);
  const parts = [
    sentence(fiche.definition),
    list("Vos missions, en alternance :", resolved.savoirFaire),
    list("Les qualités attendues :", resolved.savoirEtre),
    list("Ce que vous apprendrez :", resolved.savoirs),
  ];
  return parts.filter(Boolean).join("\n\n");
}
