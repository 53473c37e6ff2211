import { AppError } from "../../lib/app-error.js";
import * as repo from "./search-repository.js";

/** What the candidate search asks for (ROME codes: classic or ROME 4 fiches, mapped to classic). */
export interface ExposedCompanyQuery {
  romes: string[];
  lat: number;
  lon: number;
  radiusKm: number;
  limit: number;
  /** From the previous page's `nextCursor`. */
  cursor?: string | null;
  /** The day (YYYY-MM-DD, Europe/Paris) that seeds the rotation: same order all day, another tomorrow. */
  day: string;
  /** The classic ROME codes of `romes`, when the caller already read them (saves a round trip). */
  classicRomes?: string[];
}

export interface ExposedCompanyJob {
  romeCode: string;
  romeLabel: string;
  score: number;
  explanation: string;
  /** True when the company declared this job itself (listing request or admin), not the algorithm. */
  declared: boolean;
}

export interface ExposedCompanyHit {
  siret: string;
  name: string;
  nafCode: string | null;
  nafLabel: string | null;
  city: string | null;
  postalCode: string | null;
  lat: number;
  lon: number;
  distanceKm: number;
  /** Best score (0–100) among the jobs searched. */
  score: number;
  jobs: ExposedCompanyJob[];
}

export interface ExposedCompanyPage {
  items: ExposedCompanyHit[];
  nextCursor: string | null;
}

/** Nearest exposed pairs read per job before ranking: enough for 10 pages of a busy city. */
export const CANDIDATES_PER_JOB = 500;
/** Weights of the ranking: predicted chance of hiring vs nearness; rotation spreads ±20 %. */
const SCORE_WEIGHT = 0.65;
const ROTATION = 0.4;

/** A number in [0, 1) fixed for a (day, SIRET) pair (FNV-1a): the daily rotation. */
export function rotationOf(day: string, siret: string): number {
  let h = 0x811c9dc5;
  const text = `${day}:${siret}`;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

/** Ranking value of a company: its best (score + boost), its nearness, and the day's rotation. */
export function rankValue(
  score: number,
  boost: number,
  distanceKm: number,
  radiusKm: number,
  rotation: number,
): number {
  const chance = Math.min(100, score + boost) / 100;
  const nearness = Math.max(0, 1 - distanceKm / radiusKm);
  return (SCORE_WEIGHT * chance + (1 - SCORE_WEIGHT) * nearness) * (1 - ROTATION / 2 + ROTATION * rotation);
}

function encodeCursor(day: string, offset: number): string {
  return Buffer.from(JSON.stringify({ d: day, o: offset })).toString("base64url");
}

function decodeCursor(cursor: string): { day: string; offset: number } {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { d?: unknown; o?: unknown };
    if (typeof v.d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.d) && Number.isInteger(v.o) && (v.o as number) >= 0)
      return { day: v.d, offset: v.o as number };
  } catch {}
  throw new AppError("VALIDATION_ERROR", {
    message: "Curseur de pagination invalide : recommencez la recherche depuis la première page.",
  });
}

/**
 * The exposed companies of the active run for these jobs within the radius, best first: read
 * nearest-first from the GiST index, grouped by company, then ranked by score (+ admin boost) and
 * distance with a rotation seeded by the day. Pages follow the same order all day (the cursor
 * carries the day it started on). Delisted companies never appear.
 */
export async function findExposedCompanies(db: repo.Db, query: ExposedCompanyQuery): Promise<ExposedCompanyPage> {
  if (!(query.radiusKm > 0 && query.radiusKm <= 200) || !(query.limit >= 1 && query.limit <= 100))
    throw new AppError("VALIDATION_ERROR", {
      message: "Rayon (1 à 200 km) ou nombre de résultats (1 à 100) invalide.",
    });
  const { day, offset } = query.cursor ? decodeCursor(query.cursor) : { day: query.day, offset: 0 };
  const romes = query.classicRomes ?? (await repo.classicRomeCodes(db, [...new Set(query.romes)].slice(0, 20)));
  const candidates = await repo.nearestCandidates(db, {
    romes,
    lat: query.lat,
    lon: query.lon,
    radiusM: query.radiusKm * 1000,
    perJob: CANDIDATES_PER_JOB,
  });
  const bySiret = new Map<string, { rows: repo.Candidate[]; rank: number; distanceKm: number; best: number }>();
  for (const c of candidates) {
    const entry = bySiret.get(c.siret) ?? { rows: [], rank: 0, distanceKm: c.distance_m / 1000, best: 0 };
    entry.rows.push(c);
    entry.best = Math.max(entry.best, c.score + c.boost);
    bySiret.set(c.siret, entry);
  }
  for (const [siret, entry] of bySiret)
    entry.rank = rankValue(entry.best, 0, entry.distanceKm, query.radiusKm, rotationOf(day, siret));
  const ranked = [...bySiret].sort((a, b) => b[1].rank - a[1].rank || (a[0] < b[0] ? -1 : 1));
  const page = ranked.slice(offset, offset + query.limit);
  // Cards travel with the exposed rows; rows written before they did are completed from the directory.
  const withoutCard = page.filter(([, entry]) => (entry.rows[0] as repo.Candidate).company_name === null);
  const cards = new Map(
    (
      await repo.establishmentCards(
        db,
        withoutCard.map(([s]) => s),
      )
    ).map((c) => [c.siret, c]),
  );
  const items = page.flatMap(([siret, entry]): ExposedCompanyHit[] => {
    const first = entry.rows[0] as repo.Candidate;
    const card = cards.get(siret) ?? {
      name: first.company_name,
      brand: null,
      naf_code: first.naf_code,
      naf_label: first.naf_label,
      city: first.city,
      postal_code: first.postal_code,
    };
    const jobs = entry.rows
      .map((r) => ({
        romeCode: r.rome_code,
        romeLabel: r.rome_label,
        score: Math.round(r.score),
        explanation: r.explanation,
        declared: r.source !== "algorithm",
      }))
      .sort((a, b) => b.score - a.score);
    return [
      {
        siret,
        name: card.brand ?? card.name ?? "",
        nafCode: card.naf_code,
        nafLabel: card.naf_label,
        city: card.city,
        postalCode: card.postal_code,
        lat: first.lat,
        lon: first.lon,
        distanceKm: Math.round(entry.distanceKm * 10) / 10,
        score: Math.max(...jobs.map((j) => j.score)),
        jobs,
      },
    ];
  });
  const next = offset + query.limit;
  return { items, nextCursor: next < ranked.length ? encodeCursor(day, next) : null };
}
