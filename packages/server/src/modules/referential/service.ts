import type { AppellationSuggestion, Commune, RomeFiche } from "@tremplin/core";
import { AppError } from "../../lib/app-error.js";
import { presentCommune, presentNaf, presentOpco, presentRomeFiche } from "./presenter.js";
import * as repo from "./repository.js";
import type { ReferenceSearchIndexes } from "./search-indexes.js";

type Db = repo.Db;

/** Job titles matching what was typed, best first (case-, accent- and typo-tolerant). */
export async function searchAppellations(
  indexes: ReferenceSearchIndexes,
  query: string,
  limit: number,
): Promise<AppellationSuggestion[]> {
  const index = await indexes.appellations();
  return index.search(query, limit).map((a) => ({
    codeOgr: a.codeOgr,
    label: a.label,
    romeCode: a.romeCode,
    romeLabel: a.romeLabel,
  }));
}

/** Enough close jobs to suggest a few other searches, few enough to read. */
const CLOSE_JOBS_SHOWN = 8;

/** The ROME fiche with its texts and skills; ROME_UNKNOWN when the code does not exist. */
export async function getRomeFiche(db: Db, romeCode: string): Promise<RomeFiche> {
  const fiche = await repo.findRomeFiche(db, romeCode);
  if (!fiche)
    throw new AppError("ROME_UNKNOWN", { message: `Le code ROME ${romeCode} n'existe pas dans le référentiel.` });
  const [skills, appellations, closeJobs, version] = await Promise.all([
    repo.findRomeSkills(db, romeCode),
    repo.findRomeAppellations(db, romeCode),
    repo.findCloseJobs(db, romeCode, CLOSE_JOBS_SHOWN),
    repo.findDatasetVersion(db, "rome"),
  ]);
  return presentRomeFiche(fiche, skills, appellations, closeJobs, version ?? "");
}

/** Communes by name (q, typo-tolerant, bigger towns first) or by postal code. */
export async function searchCommunes(
  db: Db,
  indexes: ReferenceSearchIndexes,
  input: { q?: string | undefined; postalCode?: string | undefined; limit: number },
): Promise<Commune[]> {
  if (input.postalCode) {
    return (await repo.searchCommunesByPostalCode(db, input.postalCode, input.limit)).map(presentCommune);
  }
  const index = await indexes.communes();
  return index.search(input.q ?? "", input.limit).map(({ label: _label, weight: _weight, ...commune }) => commune);
}

/** Names a position: the nearest commune within 30 km; COMMUNE_NOT_FOUND farther out (at sea). */
export async function nearestCommune(db: Db, lat: number, lon: number): Promise<Commune> {
  const row = await repo.findNearestCommune(db, lat, lon, 30);
  if (!row) throw new AppError("COMMUNE_NOT_FOUND");
  return presentCommune(row);
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

/** The appellation and its ROME fiche (texts, skills), or null when the code is unknown. */
export async function getAppellationWithFiche(db: Db, codeOgr: string) {
  const appellation = await repo.findAppellation(db, codeOgr);
  if (!appellation) return null;
  return { appellation, fiche: await getRomeFiche(db, appellation.rome_code) };
}
