import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { luhnCheckDigit, mulberry32, weightedPicker } from "@tremplin/core";
import { readCsvAll } from "../packages/server/src/imports/csv.js";
import { referenceFiles } from "../packages/server/src/imports/reference/files.js";
import { fromWgs84, projectionForCommune } from "../packages/server/src/modules/companies/sirene/projection.js";

/** The published StockEtablissement header, column for column. */
export const stockEtablissementHeader =
  "siren,nic,siret,statutDiffusionEtablissement,dateCreationEtablissement,trancheEffectifsEtablissement,anneeEffectifsEtablissement,activitePrincipaleRegistreMetiersEtablissement,dateDernierTraitementEtablissement,etablissementSiege,nombrePeriodesEtablissement,complementAdresseEtablissement,numeroVoieEtablissement,indiceRepetitionEtablissement,dernierNumeroVoieEtablissement,indiceRepetitionDernierNumeroVoieEtablissement,typeVoieEtablissement,libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissement,libelleCommuneEtrangerEtablissement,distributionSpecialeEtablissement,codeCommuneEtablissement,codeCedexEtablissement,libelleCedexEtablissement,codePaysEtrangerEtablissement,libellePaysEtrangerEtablissement,identifiantAdresseEtablissement,coordonneeLambertAbscisseEtablissement,coordonneeLambertOrdonneeEtablissement,complementAdresse2Etablissement,numeroVoie2Etablissement,indiceRepetition2Etablissement,typeVoie2Etablissement,libelleVoie2Etablissement,codePostal2Etablissement,libelleCommune2Etablissement,libelleCommuneEtranger2Etablissement,distributionSpeciale2Etablissement,codeCommune2Etablissement,codeCedex2Etablissement,libelleCedex2Etablissement,codePaysEtranger2Etablissement,libellePaysEtranger2Etablissement,dateDebut,etatAdministratifEtablissement,enseigne1Etablissement,enseigne2Etablissement,enseigne3Etablissement,denominationUsuelleEtablissement,activitePrincipaleEtablissement,nomenclatureActivitePrincipaleEtablissement,caractereEmployeurEtablissement";

const bands = ["NN", "00", "01", "02", "03", "11", "12", "21", "22", "31", "32", "41"];
const streetTypes = ["RUE", "AV", "BD", "PL", "CHE", "RTE", "ALL", "IMP"];
const streetNames = ["DE LA REPUBLIQUE", "VICTOR HUGO", "JEAN JAURES", "DU GENERAL DE GAULLE", "DES ECOLES", "PASTEUR"];

/**
 * Writes `rows` establishments in the real StockEtablissement layout: valid SIRETs (2 per SIREN),
 * communes weighted by population with positions projected like Sirene's (Lambert-93 or UTM),
 * 5 % without coordinates, `closedShare` closed (10 % by default), 2 % partially diffusible with [ND] fields, and one bad
 * row in 1,000 (wrong checksum) so that the reject path is measured too.
 */
export async function writeStockEtablissement(file: string, rows: number, closedShare = 0.1, seed = 7): Promise<void> {
  const random = mulberry32(seed);
  const communes = (await readCsvAll(referenceFiles.geo.communes)).filter(
    (c) => c.lat && c.lng && c.commune_type !== "COMD" && projectionForCommune(c.insee_com ?? ""),
  );
  const naf = (await readCsvAll(referenceFiles.naf.labels, { delimiter: "|" })).map(
    (n) => `${(n.naf_id ?? "").slice(0, 2)}.${(n.naf_id ?? "").slice(2)}`,
  );
  const pickCommune = weightedPicker(communes, (c) => Number(c.population_2021) || 1, random);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;

  const out = createWriteStream(file);
  out.write(`${stockEtablissementHeader}\n`);
  let chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    const siren8 = String(10_000_000 + Math.floor(i / 2));
    const siren = `${siren8}${luhnCheckDigit(siren8)}`;
    const nic4 = String(1 + (i % 2)).padStart(4, "0");
    let siret = `${siren}${nic4}${luhnCheckDigit(siren + nic4)}`;
    if (i % 1000 === 999) siret = `${siret.slice(0, 13)}${(Number(siret[13]) + 1) % 10}`;
    const commune = pickCommune();
    const insee = commune.insee_com ?? "";
    const partial = random() < 0.02;
    let x = "";
    let y = "";
    if (!partial && random() >= 0.05) {
      const projection = projectionForCommune(insee);
      if (projection) {
        const [px, py] = fromWgs84(
          projection,
          Number(commune.lat) + (random() - 0.5) * 0.02,
          Number(commune.lng) + (random() - 0.5) * 0.02,
        );
        x = px.toFixed(1);
        y = py.toFixed(1);
      }
    }
    const nd = (v: string) => (partial ? "[ND]" : v);
    const closed = random() < closedShare;
    const created = `${1980 + Math.floor(random() * 45)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
    const cols = [
      siren,
      siret.slice(9),
      siret,
      partial ? "P" : "O",
      created,
      pick(bands),
      "2022",
      "",
      "2025-01-10T04:12:00",
      i % 2 === 0 ? "true" : "false",
      "1",
      "",
      nd(String(1 + Math.floor(random() * 120))),
      "",
      "",
      "",
      nd(pick(streetTypes)),
      nd(pick(streetNames)),
      commune.code_postal ?? "",
      (commune.commune ?? "").toUpperCase(),
      "",
      "",
      insee,
      "",
      "",
      "",
      "",
      "",
      x,
      y,
      ...Array(14).fill(""),
      created,
      closed ? "F" : "A",
      random() < 0.3 ? "ENSEIGNE DEMO" : "",
      "",
      "",
      "",
      pick(naf),
      "NAFRev2",
      random() < 0.5 ? "O" : "N",
    ];
    chunk.push(cols.join(","));
    if (chunk.length === 10_000) {
      if (!out.write(`${chunk.join("\n")}\n`)) await once(out, "drain");
      chunk = [];
    }
  }
  if (chunk.length > 0) out.write(`${chunk.join("\n")}\n`);
  out.end();
  await once(out, "finish");
}
