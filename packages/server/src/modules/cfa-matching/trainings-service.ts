import type { TrainingResult } from "@tremplin/core";
import * as catalogue from "./catalogue-repository.js";
import { presentTraining } from "./presenter.js";
import * as search from "./search-repository.js";

export interface TrainingSearchParams {
  /** ROME codes (classic or ROME 4.0), as the candidate's chosen jobs give them. */
  romeCodes: readonly string[];
  lat: number;
  lon: number;
  radiusKm: number;
  /** 3 (CAP) … 7 (Master); all levels when absent. */
  diplomaLevel?: number | undefined;
  limit: number;
}

/**
 * Trainings that lead to one of the jobs, within the radius, of quality-certified organisations,
 * nearest first: a training matches a code itself ("exact") or the classic code a ROME 4.0 code
 * comes from ("parent"). This is what the candidate search calls for its "formations" part.
 */
export async function searchTrainings(db: catalogue.Db, params: TrainingSearchParams): Promise<TrainingResult[]> {
  const codes = [...new Set(params.romeCodes.map((c) => c.toUpperCase()))];
  const parents = await catalogue.findParents(db, codes);
  const keys = [
    ...codes.map((key) => ({ key, rank: 1 })),
    ...[...new Set(parents.map((p) => p.parent_rome_code))]
      .filter((p) => !codes.includes(p))
      .map((key) => ({ key, rank: 2 })),
  ];
  const rows = await search.searchTrainingRows(db, { lat: params.lat, lon: params.lon }, keys, params.radiusKm * 1000, {
    diplomaLevel: params.diplomaLevel,
    limit: params.limit,
  });
  return rows.map(presentTraining);
}
