import { deleteAndInsert, upsertAndPrune } from "../../db/bulk.js";
import type { RomeSkillsTable } from "../../db/tables/referential.js";
import { readCsvAll } from "../csv.js";
import { referenceFiles } from "./files.js";
import { type DatasetResult, formatCount, type LoadContext, recordDataset } from "./report.js";

type CsvRow = Record<string, string>;

const skillKindByRubrique: Record<string, RomeSkillsTable["kind"]> = {
  "1": "savoir_faire",
  "2": "savoir_etre",
  "3": "savoir",
};

/**
 * Joins the sentences of one text kind of a fiche in their published order, as readable French:
 * the source escapes apostrophes as '' and leaves list-like sentences without a final stop.
 */
export function joinSentences(rows: CsvRow[]): string {
  return rows
    .sort((a, b) => Number(a.position_phrase) - Number(b.position_phrase))
    .map((r) => (r.libelle_texte ?? "").replaceAll("''", "'").replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .map((sentence) => (/[.!?…:;]$/.test(sentence) ? sentence : `${sentence}.`))
    .join(" ");
}

/** Loads ROME 4.0: fiches with domains and texts, appellations, skills, mobilities. */
export async function loadRome({ db, report }: LoadContext): Promise<DatasetResult> {
  const files = referenceFiles.rome;
  const [fiches, appellations, texts, coherence, items, domains, mobilities] = await Promise.all([
    readCsvAll(files.fiches),
    readCsvAll(files.appellations),
    readCsvAll(files.texts),
    readCsvAll(files.coherence),
    readCsvAll(files.items),
    readCsvAll(files.domains),
    readCsvAll(files.mobilities),
  ]);
  const warnings: string[] = [];

  const domainByRome = new Map(domains.map((d) => [d.code_rome, d]));
  const textsByRome = new Map<string, { definition: CsvRow[]; access: CsvRow[] }>();
  for (const t of texts) {
    const code = t.code_rome ?? "";
    const entry = textsByRome.get(code) ?? { definition: [], access: [] };
    if (t.libelle_type_texte === "definition") entry.definition.push(t);
    else if (t.libelle_type_texte === "acces_metier") entry.access.push(t);
    textsByRome.set(code, entry);
  }

  const ficheRows = fiches.map((f) => {
    const domain = domainByRome.get(f.code_rome ?? "");
    if (!domain) warnings.push(`Fiche ${f.code_rome} sans domaine professionnel`);
    const text = textsByRome.get(f.code_rome ?? "");
    return {
      rome_code: f.code_rome ?? "",
      label: f.libelle_rome ?? "",
      parent_rome_code: f.code_rome_parent || (f.code_rome ?? ""),
      ogr_code: f.code_ogr ?? "",
      domain_code: domain?.code_domaine_professionel ?? "",
      domain_label: domain?.libelle_domaine_professionel ?? "",
      grand_domain_code: domain?.code_grand_domaine ?? "",
      grand_domain_label: domain?.libelle_grand_domaine ?? "",
      definition: joinSentences(text?.definition ?? []),
      access: joinSentences(text?.access ?? []),
      regulated: f.emploi_reglemente === "O",
      executive: f.emploi_cadre === "O",
    };
  });
  const romeCodes = new Set(ficheRows.map((f) => f.rome_code));
  await upsertAndPrune(db, "rome_fiches", "rome_code", ficheRows);
  report(`  ROME : ${formatCount(ficheRows.length)} fiches métier`);

  const appellationRows = appellations
    .filter((a) => {
      if (romeCodes.has(a.code_rome ?? "")) return true;
      warnings.push(`Appellation ${a.code_ogr} rattachée à une fiche inconnue ${a.code_rome}`);
      return false;
    })
    .map((a) => ({
      code_ogr: a.code_ogr ?? "",
      label: a.libelle_appellation_long ?? "",
      short_label: a.libelle_appellation_court || (a.libelle_appellation_long ?? ""),
      rome_code: a.code_rome ?? "",
      principal: a.classification === "PRINCIPALE",
      rarely_used: a.peu_usite === "O",
    }));
  await upsertAndPrune(db, "rome_appellations", "code_ogr", appellationRows);
  report(`  ROME : ${formatCount(appellationRows.length)} appellations`);

  // Items without a rubrique are work contexts ("Travail de nuit"): not skills.
  const itemByCode = new Map(items.map((i) => [i.code_ogr, i]));
  const positions = new Map<string, number>();
  const skillRows: RomeSkillsTable[] = [];
  const seen = new Set<string>();
  for (const c of coherence) {
    const item = itemByCode.get(c.code_ogr ?? "");
    const kind = item ? skillKindByRubrique[item.code_rubrique ?? ""] : undefined;
    if (!item || !kind || !romeCodes.has(c.code_rome ?? "")) continue;
    const key = `${c.code_rome}|${c.code_ogr}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const position = (positions.get(c.code_rome ?? "") ?? 0) + 1;
    positions.set(c.code_rome ?? "", position);
    skillRows.push({
      rome_code: c.code_rome ?? "",
      code_ogr: c.code_ogr ?? "",
      kind,
      label: (item.libelle ?? "").trim(),
      core: c.coeur_metier === "Principale",
      position,
    });
  }
  await deleteAndInsert(db, "rome_skills", skillRows as unknown as Record<string, unknown>[]);
  report(`  ROME : ${formatCount(skillRows.length)} compétences (savoir-faire, savoir-être, savoirs)`);

  const mobilityRows = mobilities
    .filter((m) => romeCodes.has(m.code_rome ?? "") && romeCodes.has(m.code_rome_cible ?? ""))
    .map((m) => ({
      rome_code: m.code_rome ?? "",
      target_rome_code: m.code_rome_cible ?? "",
      rank: Number(m.numero_ordre) || 0,
    }));
  const uniqueMobilities = [...new Map(mobilityRows.map((m) => [`${m.rome_code}|${m.target_rome_code}`, m])).values()];
  await deleteAndInsert(db, "rome_mobilities", uniqueMobilities);
  report(`  ROME : ${formatCount(uniqueMobilities.length)} liens de mobilité`);

  await recordDataset(db, "rome", referenceFiles.rome.version, referenceFiles.rome.source, appellationRows.length);
  return {
    name: "rome",
    counts: {
      fiches: ficheRows.length,
      appellations: appellationRows.length,
      skills: skillRows.length,
      mobilities: uniqueMobilities.length,
    },
    warnings,
  };
}
