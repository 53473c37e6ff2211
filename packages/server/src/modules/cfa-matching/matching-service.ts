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

/**
 * The CFAs a company may ask for candidates for a job at a place: contactable (certified, with an
 * address, not opted out) organisations with a training for the job's fiche, its parent code or its
 * domain within `radiusKm`; at most `limit`, the best matches first, shown nearest first.
 */
export async function matchCfas(
  db: catalogue.Db,
  job: OfferJobPlace,
  radiusKm: number,
  limit: number = CFA_LIMITS.suggestions,
): Promise<CfaMatching> {
  const fiche = await catalogue.findFiche(db, job.romeCode);
  if (job.lat === null || job.lon === null) return { romeLabel: fiche?.label ?? null, located: false, matches: [] };
  const keys = offerMatchKeys({
    romeCode: job.romeCode,
    parentRomeCode: fiche?.parent_rome_code ?? job.romeCode,
    domainCode: fiche?.domain_code ?? "",
  }).map((k) => ({ key: k.key, rank: matchRank(k.kind) }));
  const hits = await catalogue.findTrainingHits(db, { lat: job.lat, lon: job.lon }, keys, radiusKm * 1000, {
    contactable: true,
  });

  const bySiret = new Map<string, catalogue.TrainingHit[]>();
  for (const hit of hits) {
    const list = bySiret.get(hit.siret) ?? [];
    list.push(hit);
    bySiret.set(hit.siret, list);
  }
  const candidates: CfaMatch[] = [...bySiret].map(([siret, list]) => {
    list.sort((a, b) => a.rank - b.rank || a.distance - b.distance || a.training_id.localeCompare(b.training_id));
    const best = list[0] as catalogue.TrainingHit;
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
