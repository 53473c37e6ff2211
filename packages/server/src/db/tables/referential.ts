import type { Generated } from "kysely";

export interface ReferenceDatasetsTable {
  name: string;
  version: string;
  source: string;
  rows: number;
  loaded_at: Generated<Date>;
}

export interface RomeFichesTable {
  rome_code: string;
  label: string;
  parent_rome_code: string;
  ogr_code: string;
  domain_code: string;
  domain_label: string;
  grand_domain_code: string;
  grand_domain_label: string;
  definition: string;
  access: string;
  regulated: boolean;
  executive: boolean;
}

export interface RomeAppellationsTable {
  code_ogr: string;
  label: string;
  short_label: string;
  rome_code: string;
  principal: boolean;
  rarely_used: boolean;
  search_text: Generated<string>;
}

export type SkillKindColumn = "savoir_faire" | "savoir_etre" | "savoir";

export interface RomeSkillsTable {
  rome_code: string;
  code_ogr: string;
  kind: SkillKindColumn;
  label: string;
  core: boolean;
  position: number;
}

export interface RomeMobilitiesTable {
  rome_code: string;
  target_rome_code: string;
  rank: number;
}

export interface RegionsTable {
  code: string;
  name: string;
}

export interface DepartementsTable {
  code: string;
  name: string;
  region_code: string;
  lat: number;
  lon: number;
}

export interface CommunesTable {
  insee_code: string;
  name: string;
  departement_code: string;
  postal_codes: string[];
  lat: number;
  lon: number;
  population: number;
  kind: "commune" | "arrondissement" | "city_with_arrondissements";
  parent_insee_code: string | null;
  search_text: Generated<string>;
}

export interface NafSectionsTable {
  code: string;
  label: string;
}

export interface NafCodesTable {
  code: string;
  label: string;
  section_code: string;
}

export interface NafRomeHiringsTable {
  naf_code: string;
  rome_code: string;
  hirings: number;
  affinity: number;
}

export interface OpcosTable {
  id: string;
  name: string;
  full_name: string;
  source_label: string;
}

export interface IdccOpcosTable {
  idcc: number;
  opco_id: string;
  label: string;
}

export interface DiplomaLevelsTable {
  level: number;
  label: string;
  france_travail_code: string;
}

export interface DiplomasTable {
  cfd: string;
  label: string;
  rncp_code: string | null;
  level: number | null;
  kind: string | null;
}

export interface RncpRomesTable {
  rncp_code: string;
  rome_code: string;
}

export interface JobTensionsTable {
  rome_code: string;
  tension_pct: number;
  family_code: string;
  family_label: string;
}

export interface ReferentialTables {
  reference_datasets: ReferenceDatasetsTable;
  rome_fiches: RomeFichesTable;
  rome_appellations: RomeAppellationsTable;
  rome_skills: RomeSkillsTable;
  rome_mobilities: RomeMobilitiesTable;
  regions: RegionsTable;
  departements: DepartementsTable;
  communes: CommunesTable;
  naf_sections: NafSectionsTable;
  naf_codes: NafCodesTable;
  naf_rome_hirings: NafRomeHiringsTable;
  opcos: OpcosTable;
  idcc_opcos: IdccOpcosTable;
  diploma_levels: DiplomaLevelsTable;
  diplomas: DiplomasTable;
  rncp_romes: RncpRomesTable;
  job_tensions: JobTensionsTable;
}
