import {
  CFA_LIMITS,
  type CfaMatchKind,
  cfaMatchKinds,
  type MatchedTraining,
  matchRank,
  offerMatchKeys,
  pickCfaSuggestions,
  roundKm,
} from "@tremplin/core";
import * as catalogue from "./catalogue-repository.js";
import { chordOf, earthDistance } from "./earth.js";
import * as geo from "./geo-repository.js";

export interface OfferJobPlace {
  romeCode: string;
  lat: number | null;
  lon: number | null;
}

/** One CFA that trains for the job near the workplace: its best match, at the distance of its nearest such training. */
export interface CfaMatch {
  siret: string;
  name: string | null;
  uai: string | null;
  city: string | null;
  postalCode: string | null;
  match: CfaMatchKind;
  distanceKm: number;
  trainingsCount: number;
  /** Every matching training, best match first, then nearest. */
  trainings: MatchedTraining[];
}

export interface CfaMatching {
  located: boolean;
  matches: CfaMatch[];
}

const kindOfRank = (rank: number): CfaMatchKind => cfaMatchKinds[rank - 1] ?? "domain";

/**
 * Trainings read per key in the first round of the walk outwards, growing fourfold each round (a
 * dense region fills the list from the first few rows; a sparse one is read to the radius in one
 * round); at most MAX_ROWS_PER_KEY rows per key in all.
 */
const FIRST_PAGE = 40;
const MAX_ROWS_PER_KEY = 2_000;

type Organisation = Awaited<ReturnType<typeof geo.contactableOrganisations>>[number];

/**
 * Which organisations to suggest, in order: the best kind of match first, the nearest within a
 * kind. Each round reads, in one statement, the next trainings nearest to the point under every key
 * whose kind could still add to the list, then which of their organisations are contactable; it
 * stops once the list is full with every better kind read far enough, or the radius is exhausted.
 */
async function chooseOrganisations(
  db: catalogue.Db,
  point: catalogue.Point,
  keys: readonly geo.RankedKey[],
  radiusMeters: number,
  limit: number,
): Promise<Organisation[]> {
  const maxChord = chordOf(radiusMeters);
  const rows = new Map<number, geo.NearTraining[]>(keys.map((k) => [k.rank, []]));
  const exhausted = new Set<number>();
  const organisations = new Map<string, Organisation | null>();
  for (let page = FIRST_PAGE; ; page *= 4) {
    const chosen = new Map<string, Organisation>();
    let open: geo.RankedKey[] = [];
    for (const [i, key] of keys.entries()) {
      for (const c of rows.get(key.rank) ?? []) {
        const org = organisations.get(c.siret);
        if (c.chord <= maxChord && org && !chosen.has(c.siret) && chosen.size < limit) chosen.set(c.siret, org);
      }
      if (chosen.size >= limit) break;
      if (!exhausted.has(key.rank)) {
        // This kind may add more: read it further, and the weaker kinds along in the same statement.
        open = keys.slice(i).filter((k) => !exhausted.has(k.rank));
        break;
      }
    }
    if (open.length === 0) return [...chosen.values()];

    const offset = Math.min(...open.map((k) => rows.get(k.rank)?.length ?? 0));
    const near = await geo.nearestTrainings(db, point, open, radiusMeters, { limit: page, offset });
    for (const key of open) {
      const read = near.filter((r) => r.rank === key.rank).sort((a, b) => a.chord - b.chord);
      const all = rows.get(key.rank) ?? [];
      all.push(...read);
      const last = read.at(-1);
      if (read.length < page || (last && last.chord > maxChord) || all.length >= MAX_ROWS_PER_KEY)
        exhausted.add(key.rank);
    }
    const unknown = [...new Set(near.map((r) => r.siret))].filter((s) => !organisations.has(s));
    for (const s of unknown) organisations.set(s, null);
    for (const org of await geo.contactableOrganisations(db, unknown)) organisations.set(org.siret, org);
  }
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
  if (job.lat === null || job.lon === null) return { located: false, matches: [] };
  const point = { lat: job.lat, lon: job.lon };
  const radiusMeters = radiusKm * 1000;
  const fiche = await catalogue.findFiche(db, job.romeCode);
  const keys = offerMatchKeys({
    romeCode: job.romeCode,
    parentRomeCode: fiche?.parent_rome_code ?? job.romeCode,
    domainCode: fiche?.domain_code ?? "",
  }).map((k) => ({ key: k.key, rank: matchRank(k.kind) }));
  const organisations = await chooseOrganisations(db, point, keys, radiusMeters, limit);
  const rankOfKey = new Map(keys.map((k) => [k.key, k.rank]));
  const rows = await geo.trainingsUnderKeys(
    db,
    organisations.map((o) => o.siret),
    keys,
  );
  // One entry per training, at the best rank among the keys it is indexed under, within the radius.
  const trainings = new Map<string, geo.KeyedTrainingRow & { rank: number; distance: number }>();
  for (const row of rows) {
    const rank = rankOfKey.get(row.key) ?? 3;
    const known = trainings.get(row.id);
    if (known) known.rank = Math.min(known.rank, rank);
    else {
      const distance = earthDistance(point, row);
      if (distance <= radiusMeters) trainings.set(row.id, { ...row, rank, distance });
    }
  }
  const candidates: CfaMatch[] = organisations.flatMap((org) => {
    const list = [...trainings.values()]
      .filter((t) => t.siret === org.siret)
      .sort((a, b) => a.rank - b.rank || a.distance - b.distance || a.id.localeCompare(b.id));
    const best = list[0];
    if (!best) return [];
    return [
      {
        siret: org.siret,
        name: org.name,
        uai: org.uai,
        city: org.city,
        postalCode: org.postal_code,
        match: kindOfRank(best.rank),
        distanceKm: roundKm(best.distance),
        trainingsCount: list.length,
        trainings: list.map((t) => ({
          id: t.id,
          title: t.title,
          diplomaLevel: t.diploma_level,
          cfd: t.cfd,
          rncpCode: t.rncp_code,
          city: t.city,
          postalCode: t.postal_code,
          distanceKm: roundKm(t.distance),
          match: kindOfRank(t.rank),
        })),
      },
    ];
  });
  return { located: true, matches: pickCfaSuggestions(candidates, limit) };
}
