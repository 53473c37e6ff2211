import { deleteAndInsert, upsertAndPrune } from "../../db/bulk.js";
import { readCsvAll } from "../csv.js";
import { referenceFiles } from "./files.js";
import { type DatasetResult, type LoadContext, recordDataset } from "./report.js";

/** Loads the 11 OPCOs and the IDCC → OPCO table. */
export async function loadOpco({ db, report }: LoadContext): Promise<DatasetResult> {
  const files = referenceFiles.opco;
  const [opcos, idccRows] = await Promise.all([
    readCsvAll(files.opcos, { delimiter: ";" }),
    readCsvAll(files.idcc, { delimiter: ";" }),
  ]);
  const warnings: string[] = [];
  await upsertAndPrune(
    db,
    "opcos",
    "id",
    opcos.map((o) => ({
      id: o.id ?? "",
      name: o.name ?? "",
      full_name: o.full_name ?? "",
      source_label: o.source_label ?? "",
    })),
  );
  const opcoBySourceLabel = new Map(opcos.map((o) => [(o.source_label ?? "").toLowerCase(), o.id ?? ""]));
  const rows = new Map<number, { idcc: number; opco_id: string; label: string }>();
  for (const r of idccRows) {
    const idcc = Number(r.IDCC);
    const opcoLabel = (r["Opérateur de compétences"] ?? "").trim();
    if (!Number.isInteger(idcc) || idcc <= 0) {
      warnings.push(`IDCC « ${r.IDCC} » invalide : ignoré`);
      continue;
    }
    const opcoId = opcoBySourceLabel.get(opcoLabel.toLowerCase());
    if (!opcoId) {
      warnings.push(`IDCC ${idcc} : OPCO « ${opcoLabel} » inconnu, ignoré`);
      continue;
    }
    rows.set(idcc, { idcc, opco_id: opcoId, label: (r.Libellé ?? "").trim() });
  }
  await deleteAndInsert(db, "idcc_opcos", [...rows.values()]);
  report(`  OPCO : ${opcos.length} opérateurs de compétences, ${rows.size} conventions collectives (IDCC)`);
  await recordDataset(db, "opco", files.version, files.source, rows.size);
  return { name: "opco", counts: { opcos: opcos.length, idcc: rows.size }, warnings };
}
