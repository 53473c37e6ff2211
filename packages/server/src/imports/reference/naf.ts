import { deleteAndInsert, upsertAndPrune } from "../../db/bulk.js";
import { readCsvAll } from "../csv.js";
import { referenceFiles } from "./files.js";
import { type DatasetResult, formatCount, type LoadContext, recordDataset } from "./report.js";

/** Loads NAF sections and sub-classes, NAF↔ROME hiring affinities and job-market tensions. */
export async function loadNaf({ db, report }: LoadContext): Promise<DatasetResult> {
  const files = referenceFiles.naf;
  const [labels, sections, prefixes, hirings, tensions] = await Promise.all([
    readCsvAll(files.labels, { delimiter: "|" }),
    readCsvAll(files.sections),
    readCsvAll(files.sectionPrefixes),
    readCsvAll(files.romeHirings),
    readCsvAll(files.tensions),
  ]);
  const warnings: string[] = [];

  await upsertAndPrune(
    db,
    "naf_sections",
    "code",
    sections.map((s) => ({ code: s.code ?? "", label: s.label ?? "" })),
  );
  const sectionByPrefix = new Map(prefixes.map((p) => [p.naf_prefix2, p.naf_section_code ?? ""]));
  const nafRows = labels.map((l) => {
    const code = (l.naf_id ?? "").trim();
    const section = sectionByPrefix.get(code.slice(0, 2));
    if (!section) warnings.push(`NAF ${code} sans section`);
    return { code, label: (l.naf_label ?? "").trim(), section_code: section ?? "" };
  });
  await upsertAndPrune(db, "naf_codes", "code", nafRows);

  const knownNaf = new Set(nafRows.map((n) => n.code));
  const totalByNaf = new Map<string, number>();
  for (const h of hirings) {
    if (!knownNaf.has(h.naf_id ?? "")) continue;
    totalByNaf.set(h.naf_id ?? "", (totalByNaf.get(h.naf_id ?? "") ?? 0) + Number(h.hirings));
  }
  const hiringRows = new Map<string, { naf_code: string; rome_code: string; hirings: number; affinity: number }>();
  for (const h of hirings) {
    const naf = h.naf_id ?? "";
    if (!knownNaf.has(naf)) {
      warnings.push(`Embauches NAF ${naf} / ROME ${h.rome_id} : code NAF inconnu, ignoré`);
      continue;
    }
    const count = Number(h.hirings);
    const total = totalByNaf.get(naf) ?? 0;
    hiringRows.set(`${naf}|${h.rome_id}`, {
      naf_code: naf,
      rome_code: h.rome_id ?? "",
      hirings: count,
      affinity: total > 0 ? count / total : 0,
    });
  }
  await deleteAndInsert(db, "naf_rome_hirings", [...hiringRows.values()]);

  const tensionRows = new Map<
    string,
    { rome_code: string; tension_pct: number; family_code: string; family_label: string }
  >();
  for (const t of tensions) {
    const pct = Number(t.tension_pct);
    const code = t.rome_code ?? "";
    if (!/^[A-N]\d{4}$/.test(code) || Number.isNaN(pct)) continue;
    // A ROME code may belong to several job families: keep the highest tension.
    const prev = tensionRows.get(code);
    if (!prev || prev.tension_pct < pct) {
      tensionRows.set(code, {
        rome_code: code,
        tension_pct: pct,
        family_code: t.fap_code ?? "",
        family_label: t.fap ?? "",
      });
    }
  }
  await deleteAndInsert(db, "job_tensions", [...tensionRows.values()]);

  report(
    `  NAF : ${formatCount(nafRows.length)} sous-classes, ${formatCount(hiringRows.size)} affinités NAF↔ROME, ${tensionRows.size} métiers avec indice de tension`,
  );
  await recordDataset(db, "naf", files.version, files.source, nafRows.length);
  return {
    name: "naf",
    counts: { naf: nafRows.length, sections: sections.length, hirings: hiringRows.size, tensions: tensionRows.size },
    warnings,
  };
}
