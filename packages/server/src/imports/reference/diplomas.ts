import { deleteAndInsert, upsertAndPrune } from "../../db/bulk.js";
import { readCsvAll } from "../csv.js";
import { referenceFiles } from "./files.js";
import { type DatasetResult, formatCount, type LoadContext, recordDataset } from "./report.js";

const levelFrom = (text: string | undefined): number | null => {
  const match = /([3-8])/.exec(text ?? "");
  const level = match ? Number(match[1]) : Number.NaN;
  return level >= 3 && level <= 7 ? level : null;
};

/** Loads diploma levels, diplomas (CFD ↔ RNCP ↔ level) and RNCP → ROME links. */
export async function loadDiplomas({ db, report }: LoadContext): Promise<DatasetResult> {
  const files = referenceFiles.diplomas;
  const [levels, codes, kit, rncpRome] = await Promise.all([
    readCsvAll(files.levels),
    readCsvAll(files.codes, { delimiter: ";" }),
    readCsvAll(files.kit, { delimiter: ";" }),
    readCsvAll(files.rncpRome, { delimiter: ";", encoding: "latin1", relaxQuotes: true }),
  ]);
  const warnings: string[] = [];

  await upsertAndPrune(
    db,
    "diploma_levels",
    "level",
    levels.map((l) => ({
      level: Number(l.niveau_rncp),
      label: l.label_lba ?? "",
      france_travail_code: l.code_niveau_offres_france_travail ?? "",
    })),
  );

  const diplomas = new Map<
    string,
    { cfd: string; label: string; rncp_code: string | null; level: number | null; kind: string | null }
  >();
  for (const c of codes) {
    const cfd = (c.CodeDiplome ?? "").trim();
    if (!/^[0-9A-Z]{8}$/.test(cfd)) continue;
    diplomas.set(cfd, {
      cfd,
      label: (c.Intitule ?? "").trim(),
      rncp_code: (c.CodeRNCP ?? "").trim() || null,
      level: levelFrom(c.Niveau2019),
      kind: (c.type ?? "").trim() || null,
    });
  }
  // The apprenticeship kit is newer: it wins where both describe a diploma.
  for (const k of kit) {
    const cfd = (k.Code_Diplome ?? "").trim();
    if (!/^[0-9A-Z]{8}$/.test(cfd)) continue;
    const previous = diplomas.get(cfd);
    diplomas.set(cfd, {
      cfd,
      label: (k["Intitulé diplôme (DEPP)"] ?? "").trim() || (previous?.label ?? ""),
      rncp_code: (k.Code_RNCP ?? "").trim() || previous?.rncp_code || null,
      level: levelFrom(k["Niveau fiche RNCP"]) ?? previous?.level ?? null,
      kind: (k["Abrégé de diplôme (RNCP)"] ?? "").trim() || previous?.kind || null,
    });
  }
  await upsertAndPrune(db, "diplomas", "cfd", [...diplomas.values()]);

  const links = new Map<string, { rncp_code: string; rome_code: string }>();
  for (const r of rncpRome) {
    const rncp = (r.CodeRNCP ?? "").trim();
    const rome = (r.Rome ?? "").trim();
    if (!/^RNCP\d+$/.test(rncp) || !/^[A-N]\d{4}$/.test(rome)) {
      warnings.push(`Lien RNCP→ROME « ${rncp} → ${rome} » invalide : ignoré`);
      continue;
    }
    links.set(`${rncp}|${rome}`, { rncp_code: rncp, rome_code: rome });
  }
  await deleteAndInsert(db, "rncp_romes", [...links.values()]);
  report(
    `  Diplômes : ${levels.length} niveaux, ${formatCount(diplomas.size)} diplômes, ${formatCount(links.size)} liens RNCP→ROME`,
  );
  await recordDataset(db, "diplomas", files.version, files.source, diplomas.size);
  return {
    name: "diplomas",
    counts: { levels: levels.length, diplomas: diplomas.size, rncpRomes: links.size },
    warnings,
  };
}
