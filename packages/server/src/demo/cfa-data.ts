/**
 * What the demo CFAs teach: real diplomas (CFD, and the RNCP code whose ROME links the reference data
 * holds), grouped by the trades of the demo companies (companies-data.ts), so that an offer of any
 * demo company finds training centres nearby. Titles, levels and ROME codes come from the reference
 * data through the catalogue importer's own mapper, as for a real catalogue.
 */
export const demoTrainingFamilies: ReadonlyArray<{
  trade: string;
  diplomas: ReadonlyArray<{ cfd: string; rncp: string }>;
}> = [
  {
    trade: "Boulangerie",
    diplomas: [
      { cfd: "50022137", rncp: "RNCP18704" },
      { cfd: "45022108", rncp: "RNCP13856" },
      { cfd: "50022136", rncp: "RNCP5226" },
    ],
  },
  {
    trade: "Restaurant",
    diplomas: [
      { cfd: "50022139", rncp: "RNCP26650" },
      { cfd: "50033412", rncp: "RNCP31096" },
    ],
  },
  {
    trade: "Garage",
    diplomas: [
      { cfd: "50025218", rncp: "RNCP19118" },
      { cfd: "40025214", rncp: "RNCP19117" },
    ],
  },
  {
    trade: "Plomberie",
    diplomas: [
      { cfd: "50023317", rncp: "RNCP30952" },
      { cfd: "46M22703", rncp: "RNCP27104" },
    ],
  },
  {
    trade: "Coiffure",
    diplomas: [
      { cfd: "50033616", rncp: "RNCP34670" },
      { cfd: "45033608", rncp: "RNCP12281" },
    ],
  },
  {
    trade: "Commerce",
    diplomas: [
      { cfd: "50031224", rncp: "RNCP34947" },
      { cfd: "40031213", rncp: "RNCP32208" },
      { cfd: "32031213", rncp: "RNCP34031" },
    ],
  },
  { trade: "Bureau d'études", diplomas: [{ cfd: "32023010", rncp: "RNCP1053" }] },
  { trade: "Aide à domicile", diplomas: [{ cfd: "56033204", rncp: "RNCP25467" }] },
  { trade: "Clinique", diplomas: [{ cfd: "56033102", rncp: "RNCP4495" }] },
  { trade: "Fromagerie", diplomas: [{ cfd: "50022140", rncp: "RNCP28799" }] },
  { trade: "Théâtre", diplomas: [{ cfd: "36X32309", rncp: "RNCP34536" }] },
  { trade: "Plasturgie", diplomas: [{ cfd: "50022509", rncp: "RNCP736" }] },
  { trade: "Transports", diplomas: [{ cfd: "50031117", rncp: "RNCP5377" }] },
  { trade: "Courtage", diplomas: [{ cfd: "32031311", rncp: "RNCP4922" }] },
  {
    trade: "Informatique et gestion",
    diplomas: [
      { cfd: "32032611", rncp: "RNCP17108" },
      { cfd: "32031408", rncp: "RNCP31059" },
    ],
  },
];
