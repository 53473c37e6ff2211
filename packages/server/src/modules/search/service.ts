import { type JobSearchQuery, parisDay, type SearchOffer } from "@tremplin/core";
import { AppError } from "../../lib/app-error.js";
import type { Clock } from "../../lib/clock.js";
import { findExposedCompanies } from "../algo-companies/search-service.js";
import { presentSearchCompany, presentSearchOffer } from "./presenter.js";
import * as repo from "./repository.js";
import type { RomeTree } from "./rome-tree.js";

interface Cursor {
  /** Last offer returned: its chord distance and id (null once offers are exhausted). */
  o: { c: number; i: string } | null;
  /** The companies' own cursor (null once exhausted). */
  c: string | null;
}

function encodeCursor(cursor: Cursor): string | null {
  if (!cursor.o && !cursor.c) return null;
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(text: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Cursor;
    // Every value is checked before it reaches SQL: a forged id or distance is a 400, not a 500.
    const offersOk =
      v.o === null || (Number.isFinite(v.o?.c) && v.o.c >= 0 && typeof v.o?.i === "string" && UUID.test(v.o.i));
    const companiesOk = v.c === null || typeof v.c === "string";
    if (offersOk && companiesOk && (v.o || v.c)) return v;
  } catch {}
  throw new AppError("CURSOR_INVALID");
}

/** The ROME 4 fiches a query asks for (romes, classic or ROME 4, or the fiche of an appellation). */
async function fichesOf(
  db: repo.Db,
  romeTree: RomeTree,
  query: JobSearchQuery,
): Promise<{ fiches: string[]; classics: string[]; asked: string[] }> {
  const asked = [...(query.romes ?? [])];
  if (query.appellationCode) {
    const rome = await repo.romeOfAppellation(db, query.appellationCode);
    if (!rome) throw new AppError("APPELLATION_UNKNOWN");
    asked.push(rome);
  }
  return { ...(await romeTree.expand(asked)), asked };
}

/** One page of offers of these fiches, nearest first after the cursor, and whether more follow. */
async function nearestOffers(
  db: repo.Db,
  query: JobSearchQuery,
  fiches: string[],
  position: { c: number; i: string },
): Promise<{ offers: repo.NearbyOffer[]; more: boolean }> {
  const after = position.c < 0 ? null : { chord: position.c, id: position.i };
  const perFiche = await Promise.all(
    fiches.map((romeCode) =>
      repo.nearestOffersOfRome(db, {
        romeCode,
        lat: query.latitude,
        lon: query.longitude,
        radiusM: query.radius * 1000,
        diplomaLevel: query.diplomaLevel,
        after,
        limit: query.limit + 1,
      }),
    ),
  );
  const merged = perFiche.flat().sort((a, b) => a.chord_m - b.chord_m || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { offers: merged.slice(0, query.limit), more: merged.length > query.limit };
}

/**
 * Offers (nearest first, by cursor) and companies likely to hire (ranked, rotated daily) for jobs
 * around a point. The cursor carries both positions; a page asks each side for `limit` items.
 */
/** What the search needs: built once per app by services.ts (the ROME tree is its in-memory cache). */
export interface SearchDeps {
  db: repo.Db;
  clock: Clock;
  publicUrl: string;
  romeTree: RomeTree;
}

export async function searchJobs(deps: SearchDeps, query: JobSearchQuery) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : { o: { c: -1, i: "" }, c: "" };
  const { fiches, classics, asked } = await fichesOf(deps.db, deps.romeTree, query);

  // Offers and companies are independent: read side by side.
  const [offerPage, companies] = await Promise.all([
    cursor.o ? nearestOffers(deps.db, query, fiches, cursor.o) : { offers: [], more: false },
    cursor.c !== null && asked.length > 0
      ? findExposedCompanies(deps.db, {
          romes: asked,
          lat: query.latitude,
          lon: query.longitude,
          radiusKm: query.radius,
          limit: query.limit,
          cursor: cursor.c || null,
          day: parisDay(deps.clock.now()),
          classicRomes: classics.slice(0, 20),
        })
      : { items: [], nextCursor: null },
  ]);
  const { offers, more } = offerPage;

  const last = offers.at(-1);
  return {
    offers: offers.map((o): SearchOffer => presentSearchOffer(o, deps.publicUrl)),
    companies: companies.items.map(presentSearchCompany),
    nextCursor: encodeCursor({
      o: more && last ? { c: last.chord_m, i: last.id } : null,
      c: companies.nextCursor,
    }),
  };
}
