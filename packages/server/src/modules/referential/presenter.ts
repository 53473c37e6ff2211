import { type Commune, displayLabel, type Naf, type Opco, type RomeFiche, type Skill } from "@tremplin/core";
import type { RomeFichesTable, SkillKindColumn } from "../../db/tables/referential.js";

export function presentRomeFiche(
  fiche: RomeFichesTable,
  skills: Array<{ code_ogr: string; kind: SkillKindColumn; label: string; core: boolean }>,
  appellations: Array<{ code_ogr: string; label: string; principal: boolean }>,
  closeJobs: Array<{ rome_code: string; label: string; code_ogr: string; appellation_label: string }>,
  romeVersion: string,
): RomeFiche {
  const byKind = (kind: SkillKindColumn): Skill[] =>
    skills
      .filter((s) => s.kind === kind)
      .map((s) => ({ code: s.code_ogr, label: displayLabel(s.label), core: s.core }));
  return {
    romeCode: fiche.rome_code,
    label: fiche.label,
    parentRomeCode: fiche.parent_rome_code,
    definition: fiche.definition,
    access: fiche.access,
    skills: { savoirFaire: byKind("savoir_faire"), savoirEtre: byKind("savoir_etre"), savoirs: byKind("savoir") },
    domain: {
      code: fiche.domain_code,
      label: fiche.domain_label,
      grandDomainCode: fiche.grand_domain_code,
      grandDomainLabel: fiche.grand_domain_label,
    },
    appellations: appellations.map((a) => ({ codeOgr: a.code_ogr, label: a.label, principal: a.principal })),
    closeJobs: closeJobs.map((j) => ({
      romeCode: j.rome_code,
      label: j.label,
      appellation: { codeOgr: j.code_ogr, label: j.appellation_label },
    })),
    romeVersion,
  };
}

export function presentCommune(row: {
  insee_code: string;
  name: string;
  postal_codes: string[];
  departement_code: string;
  departement_name: string;
  lat: number;
  lon: number;
}): Commune {
  return {
    inseeCode: row.insee_code,
    name: row.name,
    postalCodes: row.postal_codes,
    departement: row.departement_code,
    departementName: row.departement_name,
    lat: row.lat,
    lon: row.lon,
  };
}

export function presentOpco(row: { id: string; name: string; full_name: string }): Opco {
  return { id: row.id, name: row.name, fullName: row.full_name };
}

export function presentNaf(row: { code: string; label: string; section_code: string; section_label: string }): Naf {
  return { code: row.code, label: row.label, section: { code: row.section_code, label: row.section_label } };
}
