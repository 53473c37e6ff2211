import {
  CFA_LIMITS,
  type CfaMatchKind,
  cfaMatchKinds,
  matchRank,
  offerMatchKeys,
  pickCfaSuggestions,
  roundKm,
} from "@tremplin/core";
import * as catalogue from "./catalogue-repository.js";
import * as geo from "./geo-repository.js";

export interface OfferJobPlace {
  romeCode: string;
  lat: number | null;
  lon: number | null;
}

export interface MatchedTrainingRef {
  id: string;
  match: CfaMatchKind;
  distanceKm: number;
}

/** One CFA that trains for the job near the workplace: its best match, at the distance of its nearest such training. */
export interface CfaMatch {
  siret: string;
  match: CfaMatchKind;
  distanceKm: number;
  trainingsCount: number;
  /** Every matching training, best match first, then nearest. */
  trainings: MatchedTrainingRef[];
}

export interface CfaMatching {
  romeLabel: string | null;
  located: boolean;
  matches: CfaMatch[];
}

const kindOfRank = (rank: number): CfaMatchKind => cfaMatchKinds[rank - 1] ?? "domain";

/** Rows read per step of the walk outwards, and at most per key (a CFA has a few trainings, not hundreds). */
const PAGE = 100;
const MAX_ROWS_PER_KEY = 2_000;

/**
 * The nearest contactable CFAs under each key, best kind of match first: the walk outwards from the
 * workplace stops as soon as `limit` organisations are found, so a dense region reads a page or two
 * of the index instead of all its trainings.
 */
async function nearestOrganisations(
  db: catalogue.Db,
  point: catalogue.Point,
  keys: ReadonlyArray<{ key: string; rank: number }>,
  radiusMeters: number,
  limit: number,
): Promise<string[]> {
  const chosen = new Set<string>();
  for (const { key } of keys) {
    for (let offset = 0; chosen.size < limit && offset < MAX_ROWS_PER_KEY; offset += PAGE) {
      const page = await geo.nearestUnderKey(db, point, key, radiusMeters, { limit: PAGE, offset });
      for (const row of page.rows) {
        if (row.distance > radiusMeters) break;
        if (row.contactable && !chosen.has(row.siret)) chosen.add(row.siret);
        if (chosen.size >= limit) break;
      }
      if (!page.full || (page.rows.at(-1)?.distance ?? 0) > radiusMeters) break;
    }
    if (chosen.size >= limit) break;
  }
  return [...chosen];
}

/**
 * The CFAs a company may ask for candidates for a job at a place: contactable (certified, with an
 * address, not opted out) organisations with a training for the job's fiche, its parent code or its
 * domain within `radiusKm`; at most `limit`, the best kind of match first and the nearest within
 * a kind, shown nearest first, each with all its matching trainings.
 */
export async function matchCfas(
  db: catalogue.Db,
  job: OfferJobPlace,
  radiusKm: number,
  limit: number = CFA_LIMITS.suggestions,
): Promise<CfaMatching> {
  const fiche = await catalogue.findFiche(db, job.romeCode);
  if (job.lat === null || job.lon === null) return { romeLabel: fiche?.label ?? null, located: false, matches: [] };
  const point = { lat: job.lat, lon: job.lon };
  const radiusMeters = radiusKm * 1000;
  const keys = offerMatchKeys({
    romeCode: job.romeCode,
    parentRomeCode: fiche?.parent_rome_code ?? job.romeCode,
    domainCode: fiche?.domain_code ?? "",
  }).map((k) => ({ key: k.key, rank: matchRank(k.kind) }));
  const sirets = await nearestOrganisations(db, point, keys, radiusMeters, limit);
  const hits = await geo.trainingsOfOrganisations(db, sirets, point, keys, radiusMeters);

  const bySiret = new Map<string, geo.TrainingHit[]>();
  for (const hit of hits) bySiret.set(hit.siret, [...(bySiret.get(hit.siret) ?? []), hit]);
  const candidates: CfaMatch[] = [...bySiret].map(([siret, list]) => {
    list.sort((a, b) => a.rank - b.rank || a.distance - b.distance || a.training_id.localeCompare(b.training_id));
    const best = list[0] as geo.TrainingHit;
    return {
      siret,
      match: kindOfRank(best.rank),
      distanceKm: roundKm(best.distance),
      trainingsCount: list.length,
      trainings: list.map((h) => ({ id: h.training_id, match: kindOfRank(h.rank), distanceKm: roundKm(h.distance) })),
    };
  });
  return { romeLabel: fiche?.label ?? null, located: true, matches: pickCfaSuggestions(candidates, limit) };
}
