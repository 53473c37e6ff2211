import { type AppellationSuggestion, type RomeFiche, rankByQuery } from "@tremplin/core";
import { AppError } from "../../http/app-error.js";
import { presentCommune, presentNaf, presentOpco, presentRomeFiche } from "./presenter.js";
import * as repo from "./repository.js";

type Db = repo.Db;

/** Enough candidates for typo-tolerant ranking, few enough to rank in well under a millisecond. */
const CANDIDATE_POOL = 300;

/** Job titles matching what was typed, best first (case-, accent- and typo-tolerant). */
export async function searchAppellations(db: Db, query: string, limit: number): Promise<AppellationSuggestion[]> {
  const candidates = await repo.findAppellationCandidates(db, query, CANDIDATE_POOL);
  const ranked = rankByQuery(
    query,
    candidates.map((c) => ({ ...c, searchText: c.search_text, principal: c.principal, rarelyUsed: c.rarely_used })),
  );
  return ranked.slice(0, limit).map((c) => ({
    codeOgr: c.code_ogr,
    label: c.label,
    romeCode: c.rome_code,
    romeLabel: c.rome_label,
  }));
}

/** The ROME fiche with its texts and skills; ROME_UNKNOWN when the code does not exist. */
export async function getRomeFiche(db: Db, romeCode: string): Promise<RomeFiche> {
  const fiche = await repo.findRomeFiche(db, romeCode);
  if (!fiche)
    throw new AppError("ROME_UNKNOWN", { message: `Le code ROME ${romeCode} n'existe pas dans le référentiel.` });
  const [skills, appellations, version] = await Promise.all([
    repo.findRomeSkills(db, romeCode),
    repo.findRomeAppellations(db, romeCode),
    repo.findDatasetVersion(db, "rome"),
  ]);
  return presentRomeFiche(fiche, skills, appellations, version ?? "");
}

/** Communes by name (q) or by postal code. */
export async function searchCommunes(
  db: Db,
  input: { q?: string | undefined; postalCode?: string | undefined; limit: number },
) {
  const rows = input.postalCode
    ? await repo.searchCommunesByPostalCode(db, input.postalCode, input.limit)
    : await repo.searchCommunesByName(db, input.q ?? "", input.limit);
  return rows.map(presentCommune);
}

export async function listOpcos(db: Db) {
  return (await repo.listOpcos(db)).map(presentOpco);
}

/** NAF label and section; NAF_UNKNOWN otherwise. */
export async function getNaf(db: Db, code: string) {
  const row = await repo.findNaf(db, code);
  if (!row)
    throw new AppError("NAF_UNKNOWN", { message: `Le code NAF ${code} n'existe pas dans la nomenclature NAF rév. 2.` });
  return presentNaf(row);
}

export async function listDiplomaLevels(db: Db) {
  return (await repo.listDiplomaLevels(db)).map((l) => ({
    level: l.level,
    label: l.label,
    franceTravailCode: l.france_travail_code,
  }));
}
