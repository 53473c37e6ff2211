/**
 * Tremplin's RGAA 4.1 self-assessment: every criterion of the 13 themes, with the result found on
 * the sample of pages below. C = conforme, NC = non conforme, NA = non applicable, NT = not tested
 * yet. What was actually done: axe-core on every sample page on a phone (390 px) and a laptop
 * (1280 px) with a check that nothing scrolls sideways (e2e/public-pages-a11y.e2e.ts), and a reading
 * of the code. Keyboard-only use, a screen reader, 200 % zoom, 320 px width, text spacing and pages
 * without CSS have NOT been tried: the criteria that need them are NT, never C, until someone does.
 * The rate is conforming over tested applicable criteria (C / (C + NC)); while any criterion is NT
 * the declaration cannot claim more than « non conforme » (RGAA: no complete evaluation).
 * Update it after a new check.
 */
export type CriterionResult = "C" | "NC" | "NA" | "NT";

export interface RgaaTheme {
  number: number;
  title: string;
  /** Results of criteria n.1, n.2… in order. */
  results: CriterionResult[];
  /** What was found, for criteria worth a word (a non-conformity always has one). */
  notes: Record<string, string>;
}

export const assessmentDate = "5 décembre 2026";

export const samplePages = [
  { title: "Accueil", path: "/" },
  { title: "Recherche d'une alternance, avec des résultats", path: "/recherche" },
  { title: "Page d'une offre", path: "/offres/…" },
  { title: "Page d'une entreprise susceptible de recruter", path: "/entreprises/…" },
  { title: "Connexion", path: "/connexion" },
  { title: "Inscription d'une entreprise", path: "/inscription" },
  { title: "Contact", path: "/contact" },
  { title: "Mentions légales", path: "/mentions-legales" },
  { title: "Données personnelles", path: "/donnees-personnelles" },
  { title: "Accessibilité", path: "/accessibilite" },
  { title: "Intégrer l'API", path: "/api-partenaires" },
  { title: "Référence de l'API", path: "/api-partenaires/reference" },
] as const;

const na = (count: number): CriterionResult[] => Array.from({ length: count }, () => "NA");

export const rgaaThemes: RgaaTheme[] = [
  {
    number: 1,
    title: "Images",
    results: ["C", "C", "C", "NA", "NA", "NA", "NA", "NA", "NA"],
    notes: {
      "1.1":
        "Les icônes et le bloc Marianne sont des images de fond CSS, ignorées des lecteurs d'écran ; aucune image ne porte d'information.",
    },
  },
  { number: 2, title: "Cadres", results: na(2), notes: {} },
  {
    number: 3,
    title: "Couleurs",
    results: ["C", "C", "C"],
    notes: {
      "3.2": "Aucun défaut de contraste relevé par axe, en thème clair, sur les pages de l'échantillon.",
      "3.1": "Les états (en ligne, certifié, refusé…) sont écrits en toutes lettres, pas seulement en couleur.",
    },
  },
  { number: 4, title: "Multimédia", results: na(13), notes: {} },
  {
    number: 5,
    title: "Tableaux",
    results: ["NA", "NA", "NA", "C", "C", "C", "C", "NA"],
    notes: {
      "5.4":
        "Les tableaux de données ont un titre (caption) ; sur téléphone ils s'affichent en fiches, chaque valeur précédée de son en-tête.",
    },
  },
  { number: 6, title: "Liens", results: ["C", "C"], notes: {} },
  {
    number: 7,
    title: "Scripts",
    results: ["NT", "NA", "NT", "C", "C"],
    notes: {
      "7.1":
        "Les champs « Métier » et « Commune » suivent dans le code le modèle de liste déroulante (combobox) d'ARIA 1.2 ; pas encore essayé avec un lecteur d'écran.",
      "7.3": "L'utilisation au clavier seul n'a pas encore été essayée.",
      "7.5": "Le nombre de suggestions et les chargements sont annoncés (role=status).",
    },
  },
  {
    number: 8,
    title: "Éléments obligatoires",
    results: ["C", "C", "C", "C", "C", "C", "C", "C", "C", "NA"],
    notes: {
      "8.2":
        "Vérifié avec axe (identifiants uniques, imbrications, attributs ARIA) ; pas encore avec le validateur du W3C.",
      "8.6": "Chaque page a un titre propre, suivi de « - Tremplin ».",
    },
  },
  { number: 9, title: "Structuration de l'information", results: ["C", "C", "C", "NA"], notes: {} },
  {
    number: 10,
    title: "Présentation de l'information",
    results: ["C", "NT", "NT", "NT", "C", "C", "NT", "C", "C", "C", "NT", "NT", "NA", "NT"],
    notes: {
      "10.2": "Les pages n'ont pas encore été relues sans feuille de style (10.2, 10.3).",
      "10.4": "Le zoom à 200 % n'a pas encore été essayé.",
      "10.7": "La visibilité du focus au clavier n'a pas encore été vérifiée.",
      "10.11":
        "Vérifié automatiquement à 390 pixels de large (aucun défilement horizontal, tableaux en fiches), pas encore à 320 pixels.",
      "10.12": "L'espacement du texte augmenté n'a pas encore été essayé.",
    },
  },
  {
    number: 11,
    title: "Formulaires",
    results: ["C", "C", "C", "C", "C", "C", "C", "NA", "C", "C", "C", "NA", "C"],
    notes: {
      "11.10":
        "Les erreurs sont listées en haut du formulaire (qui reçoit le focus) et sous chaque champ, en français.",
      "11.13": "Les champs de nom, d'e-mail et de téléphone indiquent leur finalité (autocomplete).",
    },
  },
  {
    number: 12,
    title: "Navigation",
    results: ["C", "C", "C", "C", "NA", "C", "C", "NT", "NT", "NA", "NT"],
    notes: {
      "12.1": "Menu principal et plan du site, accessible depuis le pied de chaque page.",
      "12.7": "Liens d'évitement « Contenu », « Menu », « Pied de page » en tête de chaque page.",
      "12.8": "L'ordre de tabulation et l'absence de piège au clavier (12.8, 12.9, 12.11) restent à vérifier.",
    },
  },
  {
    number: 13,
    title: "Consultation",
    results: ["NA", "C", "NA", "NA", "NA", "NA", "NA", "NA", "C", "NA", "C", "NA"],
    notes: {},
  },
];

export interface AssessmentSummary {
  conforming: number;
  nonConforming: number;
  notApplicable: number;
  /** Applicable criteria nobody has checked yet. */
  notTested: number;
  /** C / (C + NC) over tested criteria, in percent, rounded down (never rounded up to reach a threshold). */
  rate: number;
}

export function summarise(themes: readonly RgaaTheme[]): AssessmentSummary {
  const all = themes.flatMap((theme) => theme.results);
  const conforming = all.filter((result) => result === "C").length;
  const nonConforming = all.filter((result) => result === "NC").length;
  const notTested = all.filter((result) => result === "NT").length;
  const tested = conforming + nonConforming;
  return {
    conforming,
    nonConforming,
    notApplicable: all.filter((result) => result === "NA").length,
    notTested,
    rate: tested === 0 ? 0 : Math.floor((conforming / tested) * 100),
  };
}

/**
 * The RGAA's words for the state of compliance. An evaluation that left applicable criteria
 * untested is not a complete one, and without a complete one the RGAA's state is « non conforme »,
 * whatever the rate of the criteria that were checked.
 */
export function complianceState(
  summary: Pick<AssessmentSummary, "rate" | "notTested">,
): "totalement conforme" | "partiellement conforme" | "non conforme" {
  if (summary.notTested > 0) return "non conforme";
  if (summary.rate === 100) return "totalement conforme";
  return summary.rate >= 50 ? "partiellement conforme" : "non conforme";
}
