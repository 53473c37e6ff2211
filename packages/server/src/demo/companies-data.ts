import { type DemoSiretKind, luhnCheckDigit, mulberry32, weightedPicker, withPreposition } from "@tremplin/core";

/**
 * The demo company directory, generated deterministically (seeded PRNG) from the reference
 * communes: visibly fictional names ("Boulangerie Démo des Tilleuls"), valid SIRET checksums,
 * real NAF codes and IDCCs so that every OPCO has companies, some closed, some non-diffusible,
 * and about 100 training centres (CFA) near the big cities.
 */
export const DEMO_COMPANY_COUNT = 3_000;
export const DEMO_CFA_COUNT = 100;

/** Activities with a real NAF code and the collective agreement (IDCC) usual in that trade. */
const activities = [
  { label: "Boulangerie", naf: "1071C", idcc: 843 },
  { label: "Restaurant", naf: "5610A", idcc: 1979 },
  { label: "Garage", naf: "4520A", idcc: 1090 },
  { label: "Plomberie", naf: "4322A", idcc: 1596 },
  { label: "Salon de coiffure", naf: "9602A", idcc: 2596 },
  { label: "Supérette", naf: "4711D", idcc: 2216 },
  { label: "Bureau d'études", naf: "7112B", idcc: 1486 },
  { label: "Aide à domicile", naf: "8810A", idcc: 2941 },
  { label: "Clinique", naf: "8610Z", idcc: 2264 },
  { label: "Fromagerie", naf: "1051C", idcc: 112 },
  { label: "Théâtre", naf: "9001Z", idcc: 1285 },
  { label: "Atelier de plasturgie", naf: "2229A", idcc: 292 },
  { label: "Transports", naf: "4941A", idcc: 16 },
  { label: "Cabinet de courtage", naf: "6622Z", idcc: 2247 },
  { label: "Agence d'architecture", naf: "7111Z", idcc: 2332 },
] as const;

const places = [
  "du Vieux-Port",
  "des Tilleuls",
  "de la Place",
  "du Marché",
  "des Quatre-Vents",
  "du Moulin",
  "de la Gare",
  "des Lilas",
  "du Belvédère",
  "de l'Horloge",
];
const streets = [
  "RUE DES EXEMPLES",
  "AVENUE DE LA DEMO",
  "PLACE DU PROTOTYPE",
  "CHEMIN DES ESSAIS",
  "BOULEVARD FICTIF",
];
const bands = ["00", "01", "02", "03", "11", "12", "21", "22"];

export interface DemoCommune {
  inseeCode: string;
  name: string;
  postalCode: string;
  lat: number;
  lon: number;
  population: number;
}

export interface DemoEstablishment {
  siret: string;
  siren: string;
  legalName: string;
  brand: string;
  nafCode: string;
  headcountBand: string;
  street: string;
  postalCode: string;
  city: string;
  inseeCode: string;
  lat: number;
  lon: number;
  adminState: "A" | "F";
  diffusion: "O" | "P";
  createdOn: string;
  idcc: number | null;
  kind: DemoSiretKind;
}

/** The SIRET of demo establishment i: a SIREN of its own ("8" + i), NIC 00010, valid checksums. */
export function demoSiret(i: number): string {
  const siren8 = String(80_000_000 + i);
  const siren = `${siren8}${luhnCheckDigit(siren8)}`;
  return `${siren}0001${luhnCheckDigit(`${siren}0001`)}`;
}

/** Which establishment shows each case on the sign-up page (fixed, so the list never changes). */
const showcaseIndex: Record<DemoSiretKind, number> = {
  trainingOrganisation: 0,
  withOpco: DEMO_CFA_COUNT,
  withoutOpco: DEMO_CFA_COUNT + 1,
  closed: DEMO_CFA_COUNT + 2,
  notDiffusible: DEMO_CFA_COUNT + 3,
};

const showcaseLabel: Record<DemoSiretKind, string> = {
  withOpco: "Entreprise dont l'OPCO est connu",
  withoutOpco: "Entreprise dont l'OPCO n'est pas connu",
  closed: "Établissement fermé",
  notDiffusible: "Établissement non diffusible",
  trainingOrganisation: "Organisme de formation (CFA)",
};

/** The demo SIRETs shown to try, one per case; names are read from the database. */
export function demoShowcase(): Array<{ kind: DemoSiretKind; label: string; siret: string }> {
  return (Object.keys(showcaseIndex) as DemoSiretKind[]).map((kind) => ({
    kind,
    label: showcaseLabel[kind],
    siret: demoSiret(showcaseIndex[kind]),
  }));
}

function kindOf(i: number, draw: number): DemoSiretKind {
  for (const [kind, index] of Object.entries(showcaseIndex)) if (index === i) return kind as DemoSiretKind;
  if (i < DEMO_CFA_COUNT) return "trainingOrganisation";
  if (draw < 0.08) return "closed";
  if (draw < 0.11) return "notDiffusible";
  if (draw < 0.25) return "withoutOpco";
  return "withOpco";
}

/** Picks communes weighted by population; CFAs only among the 40 most populated. */
function communePicker(communes: readonly DemoCommune[], random: () => number) {
  const sorted = [...communes].sort((a, b) => b.population - a.population || a.inseeCode.localeCompare(b.inseeCode));
  const byPopulation = weightedPicker(sorted, (c) => c.population, random);
  return (bigCitiesOnly: boolean): DemoCommune => {
    if (bigCitiesOnly) return sorted[Math.floor(random() * Math.min(40, sorted.length))] as DemoCommune;
    return byPopulation();
  };
}

/** Generates the demo directory; the same communes give the same establishments, run after run. */
export function generateDemoCompanies(
  communes: readonly DemoCommune[],
  count = DEMO_COMPANY_COUNT,
): DemoEstablishment[] {
  const random = mulberry32(20_260_302);
  const pickCommune = communePicker(communes, random);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const out: DemoEstablishment[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kindOf(i, random());
    const cfa = kind === "trainingOrganisation";
    const commune = pickCommune(cfa);
    const activity = pick(activities);
    const place = pick(places);
    const siret = demoSiret(i);
    const legalName = cfa
      ? `CFA DÉMO ${commune.name.toUpperCase()} ${i + 1}`
      : `DÉMO ${activity.label.toUpperCase()} ${place.toUpperCase()}`;
    const brand = cfa
      ? `CFA Démo des métiers ${withPreposition("de", commune.name)}`
      : `${activity.label} Démo ${place}`;
    out.push({
      siret,
      siren: siret.slice(0, 9),
      legalName,
      brand,
      nafCode: cfa ? (i % 4 === 0 ? "8532Z" : "8559A") : activity.naf,
      headcountBand: pick(bands),
      street: `${1 + Math.floor(random() * 90)} ${pick(streets)}`,
      postalCode: commune.postalCode,
      city: commune.name,
      inseeCode: commune.inseeCode,
      // Within ~1 km of the commune centre.
      lat: Math.round((commune.lat + (random() - 0.5) * 0.02) * 1e6) / 1e6,
      lon: Math.round((commune.lon + (random() - 0.5) * 0.02) * 1e6) / 1e6,
      adminState: kind === "closed" ? "F" : "A",
      diffusion: kind === "notDiffusible" ? "P" : "O",
      createdOn: `${1990 + Math.floor(random() * 35)}-0${1 + Math.floor(random() * 9)}-15`,
      // Training centres use the agreement of training organisations (IDCC 1516).
      idcc: kind === "withoutOpco" ? null : cfa ? 1516 : activity.idcc,
      kind,
    });
  }
  return out;
}
