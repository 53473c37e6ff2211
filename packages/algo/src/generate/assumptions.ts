/**
 * The generator's assumptions, all in one object so that tests and the report can vary them.
 * Every figure is a modelling choice written down in docs/algorithm.md (§ Generator); none is an
 * official statistic, and the data they produce is fictional.
 */
export interface GeneratorAssumptions {
  name: string;
  /** One French sentence for the report. */
  description: string;
  /** Mean apprenticeship contracts per establishment and year over the period (≈ 5 M for 1.5 M × 6 years). */
  contractsPerEstablishmentYear: number;
  /** National growth of apprenticeship per year (the 2019–2023 boom was ≈ +20 %/year). */
  nationalGrowthPerYear: number;
  /** Share of professionalisation (PRO) among contracts. */
  proShare: number;
  /** P(an establishment takes apprentices at all) = logistic(intercept + slope · ln(1 + headcount)). */
  takerLogit: { intercept: number; slope: number };
  /** Hires of a taker grow as headcount^elasticity. */
  sizeElasticity: number;
  /** Relative apprenticeship intensity of each NAF section (A … U). */
  sectionIntensity: Record<string, number>;
  /** Log-normal spread of each NAF code's intensity around its section's. */
  nafEffectSd: number;
  /** Log-normal spread of each département's intensity. */
  departementEffectSd: number;
  /** Gamma shape of the lasting heterogeneity between takers (mean 1; smaller = more unequal). */
  firmFrailtyShape: number;
  /** Standard deviation of each establishment's yearly log-trend (growth or decline). */
  firmTrendSd: number;
  /** Standard deviation of each région's yearly log-trend. */
  regionTrendSd: number;
  /** Establishments that start taking apprentices during the period, as a share of the takers. */
  starterShare: number;
  /** Takers that stop during the period. */
  stopperShare: number;
  /** Relative contract starts per calendar month (January … December). */
  monthWeights: number[];
  /** Exponent on the month weights: 0 flat, 1 as given, > 1 sharper. */
  seasonalityStrength: number;
  /** Months by which some sections' season is shifted (e.g. hospitality recruits in spring). */
  sectionSeasonShift: Record<string, number>;
  /** Each section draws its own season: the month weights shifted by a random number of months and multiplied by log-normal noise of this spread, drawn from the data set's seed (0: the shared season). */
  ownSectionSeasonSpread: number;
  /** National growth switches to this yearly rate from `atShare` of the period on (null: constant growth). */
  nationalGrowthChange: { atShare: number; growthPerYear: number } | null;
  /** Establishments whose own trend changes sign at a random month (after it: −k × the trend before, k uniform in 0.5 … 1.5). */
  trendBreakShare: number;
  /** Takers that pause: they stop at a random month and resume at a later one. */
  pauseShare: number;
  /** Each hire brings back, with this probability, a hire about `delayMonths` later (a 2-year diploma ends). */
  renewal: { probability: number; delayMonths: number; spreadMonths: number };
  /**
   * Hires 6–17 months ago occupy tutoring places and damp new ones: a taker has
   * 1 + placesPerYearlyHire × (its usual yearly hires) places.
   */
  occupancy: { strength: number; placesPerYearlyHire: number };
  /** Gamma shape of an unpredictable shock per establishment and half-year (Infinity: none). */
  halfYearNoiseShape: number;
  /** Other hires (CDI, CDD > 1 month) per employee and year, and their log-normal spread. */
  otherHiresPerEmployeeYear: number;
  otherHiresSd: number;
  /** Correlation between a firm's (log) apprenticeship propensity and its other hires. */
  otherHiresLink: number;
  otherMonthWeights: number[];
  cdiShare: number;
  closureRatePerYear: number;
  /** Share of establishments created during the period (the rest existed before). */
  createdDuringPeriodShare: number;
  meanAgeYears: number;
  /** Share of companies whose accounts are published. */
  financesShare: number;
  /** NAF codes of training organisations, and the share of their establishments flagged as such. */
  trainingNaf: string[];
  trainingShare: number;
  optedOutShare: number;
  /** Establishments' NAF drawn ∝ hires(NAF)^exponent (big hiring NAFs have bigger establishments). */
  nafMixExponent: number;
  sizeBandWeights: Record<string, number>;
  /** Share of establishments whose recorded size band is wrong (frozen at an old census: one or two bands away from the true one). */
  staleBandShare: number;
  /** Share of establishments recorded with no size band. */
  unknownBandShare: number;
  /** Write other hires and finances (false: apprenticeship contracts only, as in the national extracts). */
  otherSources: boolean;
}

export const defaultAssumptions: GeneratorAssumptions = {
  name: "reference",
  description: "Hypothèses de référence : croissance nationale, saisonnalité de rentrée, renouvellement des apprentis.",
  contractsPerEstablishmentYear: 0.55,
  nationalGrowthPerYear: 0.12,
  proShare: 0.12,
  takerLogit: { intercept: -2.2, slope: 0.6 },
  sizeElasticity: 0.7,
  sectionIntensity: {
    A: 1.2,
    B: 0.6,
    C: 1.0,
    D: 0.8,
    E: 0.8,
    F: 1.6,
    G: 1.4,
    H: 0.6,
    I: 1.5,
    J: 1.0,
    K: 1.1,
    L: 0.6,
    M: 1.1,
    N: 0.4,
    O: 0.4,
    P: 0.7,
    Q: 0.6,
    R: 0.8,
    S: 1.8,
    T: 0.3,
    U: 0.3,
  },
  nafEffectSd: 0.5,
  departementEffectSd: 0.15,
  firmFrailtyShape: 1.2,
  firmTrendSd: 0.15,
  regionTrendSd: 0.03,
  starterShare: 0.08,
  stopperShare: 0.08,
  monthWeights: [4, 3.5, 3.5, 3.5, 4, 5, 8, 11, 30, 13, 7, 7.5],
  seasonalityStrength: 1,
  sectionSeasonShift: {},
  ownSectionSeasonSpread: 0,
  nationalGrowthChange: null,
  trendBreakShare: 0,
  pauseShare: 0,
  renewal: { probability: 0.3, delayMonths: 24, spreadMonths: 2 },
  occupancy: { strength: 0.5, placesPerYearlyHire: 1.5 },
  halfYearNoiseShape: 3,
  otherHiresPerEmployeeYear: 0.35,
  otherHiresSd: 0.6,
  otherHiresLink: 0.4,
  otherMonthWeights: [9, 8, 8, 9, 9, 9, 8, 7, 9, 9, 8, 7],
  cdiShare: 0.5,
  closureRatePerYear: 0.05,
  createdDuringPeriodShare: 0.18,
  meanAgeYears: 13,
  financesShare: 0.35,
  trainingNaf: ["8559A", "8559B", "8532Z", "8542Z"],
  trainingShare: 0.6,
  optedOutShare: 0.005,
  nafMixExponent: 0.8,
  sizeBandWeights: {
    "00": 0.08,
    "01": 0.3,
    "02": 0.2,
    "03": 0.13,
    "11": 0.12,
    "12": 0.1,
    "21": 0.035,
    "22": 0.02,
    "31": 0.004,
    "32": 0.006,
    "41": 0.003,
    "42": 0.0012,
    "51": 0.0005,
    "52": 0.0001,
    "53": 0.00004,
  },
  staleBandShare: 0,
  unknownBandShare: 0,
  otherSources: true,
};

/** Alternative worlds, to check that the model does not only fit the assumptions it was built with. */
export const scenarios: Record<string, GeneratorAssumptions> = {
  reference: defaultAssumptions,
  tendances: {
    ...defaultAssumptions,
    name: "tendances",
    description: "Tendances fortes : établissements en forte croissance ou en fort déclin, écarts entre régions.",
    nationalGrowthPerYear: 0.25,
    firmTrendSd: 0.45,
    regionTrendSd: 0.12,
  },
  "entrees-sorties": {
    ...defaultAssumptions,
    name: "entrees-sorties",
    description: "Beaucoup d'établissements commencent ou cessent de prendre des alternants pendant la période.",
    starterShare: 0.4,
    stopperShare: 0.4,
  },
  saisonnalite: {
    ...defaultAssumptions,
    name: "saisonnalite",
    description: "Saisonnalité forte, décalée au printemps pour l'hébergement-restauration et l'agriculture.",
    seasonalityStrength: 1.8,
    sectionSeasonShift: { I: -5, A: -6, R: -4 },
  },
  bruit: {
    ...defaultAssumptions,
    name: "bruit",
    description: "Bruit fort : chocs imprévisibles par semestre, hétérogénéité plus faible, pas de renouvellement.",
    halfYearNoiseShape: 0.5,
    firmFrailtyShape: 2.5,
    renewal: { probability: 0, delayMonths: 24, spreadMonths: 2 },
  },
};

/**
 * The harder family (issue 16): worlds the model was not designed on. All of them have
 * apprenticeship contracts only (no professionalisation, no other hires, no finances), no two-year
 * renewal, firms starting, stopping and pausing, trends that change sign (and national growth that
 * turns to decline), a season of its own per section drawn from the seed, and a size band frozen
 * at a wrong value for a share of the establishments. Each member stresses one of these more.
 */
const hardBase: GeneratorAssumptions = {
  ...defaultAssumptions,
  name: "difficile",
  description:
    "Monde difficile : contrats d'apprentissage seuls, sans renouvellement à deux ans, ruptures de régime et de tendance, saison propre à chaque secteur, tranches d'effectif périmées.",
  proShare: 0,
  renewal: { probability: 0, delayMonths: 24, spreadMonths: 2 },
  occupancy: { strength: 0.2, placesPerYearlyHire: 1.5 },
  starterShare: 0.2,
  stopperShare: 0.2,
  pauseShare: 0.1,
  firmTrendSd: 0.25,
  regionTrendSd: 0.05,
  trendBreakShare: 0.3,
  nationalGrowthChange: { atShare: 0.7, growthPerYear: -0.05 },
  ownSectionSeasonSpread: 0.3,
  // Less concentrated than the reference world (the national extract's oracle captured 55 % in its top decile).
  firmFrailtyShape: 2,
  sizeElasticity: 0.5,
  takerLogit: { intercept: -1.5, slope: 0.4 },
  halfYearNoiseShape: 1.2,
  staleBandShare: 0.25,
  unknownBandShare: 0.03,
  otherSources: false,
  // No establishment of 5,000 employees or more: in a world of 20,000, one of them with a trend
  // that turns would decide the mean deviance alone.
  sizeBandWeights: Object.fromEntries(
    Object.entries(defaultAssumptions.sizeBandWeights).filter(([code]) => !["51", "52", "53"].includes(code)),
  ),
};

export const hardWorlds: Record<string, GeneratorAssumptions> = {
  difficile: hardBase,
  "difficile-ruptures": {
    ...hardBase,
    name: "difficile-ruptures",
    description: "Monde difficile, ruptures fréquentes : 40 % d'entrants, 40 % de sortants, 25 % de pauses.",
    starterShare: 0.4,
    stopperShare: 0.4,
    pauseShare: 0.25,
  },
  "difficile-tendances": {
    ...hardBase,
    name: "difficile-tendances",
    description:
      "Monde difficile, tendances qui s'inversent : 60 % des établissements changent de sens, le national passe de +12 % à −15 % par an.",
    firmTrendSd: 0.35,
    regionTrendSd: 0.08,
    trendBreakShare: 0.6,
    nationalGrowthChange: { atShare: 0.75, growthPerYear: -0.15 },
  },
  "difficile-saisons": {
    ...hardBase,
    name: "difficile-saisons",
    description: "Monde difficile, saisons très différentes d'un secteur à l'autre.",
    ownSectionSeasonSpread: 0.6,
    seasonalityStrength: 1.5,
  },
  "difficile-diffus": {
    ...hardBase,
    name: "difficile-diffus",
    description:
      "Monde difficile, recrutements peu concentrés : employeurs plus semblables, taille moins décisive, chocs forts, 40 % de tranches périmées.",
    firmFrailtyShape: 4,
    sizeElasticity: 0.3,
    takerLogit: { intercept: -1, slope: 0.3 },
    halfYearNoiseShape: 0.7,
    staleBandShare: 0.4,
  },
};

export const hardWorldNames = Object.keys(hardWorlds);

/**
 * Seeds of the harder family. Tuning (choosing variables and parameters) uses `tuning` only; the
 * tests use `test`; `heldOut` is for the final evaluation in docs/algorithm.md and nothing else.
 */
export const hardWorldSeeds = { tuning: [11, 12], test: [21], heldOut: [901, 902, 903] } as const;

for (const [name, world] of Object.entries(hardWorlds)) scenarios[name] = world;

export function scenarioNames(): string[] {
  return Object.keys(scenarios);
}
