import path from "node:path";
import { referenceDataDir } from "../../lib/paths.js";

const file = (...parts: string[]) => path.join(referenceDataDir, ...parts);

/** The reference files the loader reads, and the versions recorded in `reference_datasets`. */
export const referenceFiles = {
  rome: {
    version: "ROME 4.0 v4.60",
    source: "France Travail",
    fiches: file("rome", "unix_referentiel_code_rome_v460_utf8.csv.gz"),
    appellations: file("rome", "unix_referentiel_appellation_v460_utf8.csv.gz"),
    texts: file("rome", "unix_texte_v460_utf8.csv.gz"),
    coherence: file("rome", "unix_coherence_item_v460_utf8.csv.gz"),
    items: file("rome", "unix_item_v460_utf8.csv.gz"),
    domains: file("rome", "cr_gd_dp_v4_utf8.csv.gz"),
    mobilities: file("rome", "unix_rubrique_mobilite_v460_utf8.csv.gz"),
  },
  geo: {
    version: "COG 2024, base officielle des codes postaux 2024",
    source: "INSEE, La Poste",
    communes: file("geo", "datasfun_communes.csv.gz"),
    departements: file("geo", "datasfun_departements.csv.gz"),
    regions: file("geo", "datasfun_regions.csv.gz"),
  },
  naf: {
    version: "NAF rév. 2",
    source: "INSEE ; embauches Pôle emploi 2016-2017",
    labels: file("naf", "naf_labels.csv.gz"),
    sections: file("naf", "naf_section_labels.csv.gz"),
    sectionPrefixes: file("naf", "naf_section_to_prefix.csv.gz"),
    romeHirings: file("naf", "rome_naf_mapping.csv.gz"),
    tensions: file("naf", "metiers_tension.csv.gz"),
  },
  opco: {
    version: "France compétences (IDCC → OPCO, 2020)",
    source: "France compétences",
    opcos: file("opco", "opcos.csv"),
    idcc: file("opco", "referentielCodesIdccOpco.csv.gz"),
  },
  diplomas: {
    version: "BCN v1.4 ; kit apprentissage 2023-12-18",
    source: "France compétences, Éducation nationale",
    levels: file("diplomas", "lba_niveaux_diplome.csv.gz"),
    codes: file("diplomas", "codes_diplomes.v1.4.csv.gz"),
    kit: file("diplomas", "Kit_apprentissage_20231218.csv.gz"),
    rncpRome: file("diplomas", "rncp_rome.v1.4.csv.gz"),
  },
} as const;
