import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/test-database.js";
import type { DatabaseHandle } from "../../db/connection.js";
import { publishRun } from "./publication-service.js";
import { scoreRun } from "./scoring-service.js";
import { nearestCandidatesSql } from "./search-repository.js";
import { type ExposedCompanyHit, findExposedCompanies, rankValue, rotationOf } from "./search-service.js";
import { loadTestData, testRunDeps } from "./test-support.js";

let handle: DatabaseHandle;
let runId: number;
/** The job and the place with the most exposed companies around: where the test searches. */
let rome: string;
let center: { lat: number; lon: number };

beforeAll(async () => {
  handle = await createTestDatabase();
  await loadTestData(handle, { establishments: 4000, seed: 5 });
  runId = (await scoreRun(await testRunDeps(handle), { trigger: "test" })).runId;
  await publishRun(handle.db, { runId, actor: "test", now: new Date() });
  const top = await handle.db
    .selectFrom("algo_exposed")
    .select(["rome_code", (eb) => eb.fn.countAll<number>().as("n")])
    .where("run_id", "=", runId)
    .groupBy("rome_code")
    .orderBy("n", "desc")
    .executeTakeFirstOrThrow();
  rome = top.rome_code;
  center = { lat: 48.8566, lon: 2.3522 };
}, 180_000);
afterAll(async () => handle?.close());

/** Great-circle distance on earthdistance's sphere (radius 6 378 168 m), computed here, not by SQL. */
function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6378.168 * Math.asin(Math.sqrt(h));
}

async function allPages(
  query: Omit<Parameters<typeof findExposedCompanies>[1], "cursor">,
): Promise<ExposedCompanyHit[]> {
  const out: ExposedCompanyHit[] = [];
  let cursor: string | null = null;
  do {
    const page = await findExposedCompanies(handle.db, { ...query, cursor });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

const query = (day: string, radiusKm = 80) => ({ romes: [rome], ...center, radiusKm, limit: 7, day });

describe("findExposedCompanies", () => {
  it("rend exactement les entreprises exposées dans le rayon, classées par score et distance recalculés ici", async () => {
    const rows = await handle.db
      .selectFrom("algo_exposed")
      .select(["siret", "lat", "lon", "score", "boost"])
      .where("run_id", "=", runId)
      .where("rome_code", "=", rome)
      .execute();
    const radiusKm = 80;
    // Points within 50 m of the edge are left out of the comparison: float rounding may go either way.
    const within = rows.filter((r) => haversineKm(center, r) <= radiusKm);
    const ambiguous = new Set(
      rows.filter((r) => Math.abs(haversineKm(center, r) - radiusKm) < 0.05).map((r) => r.siret),
    );
    expect(within.length).toBeGreaterThan(3);
    const found = await allPages(query("2026-03-02", radiusKm));
    expect(
      found
        .map((h) => h.siret)
        .filter((s) => !ambiguous.has(s))
        .sort(),
    ).toEqual(
      within
        .map((r) => r.siret)
        .filter((s) => !ambiguous.has(s))
        .sort(),
    );
    for (const h of found) {
      const row = within.find((r) => r.siret === h.siret);
      expect(h.distanceKm).toBeCloseTo(haversineKm(center, row as { lat: number; lon: number }), 0);
      expect(h.jobs[0]?.romeCode).toBe(rome);
      expect(h.jobs[0]?.explanation.length).toBeGreaterThan(20);
      expect(h.name).toMatch(/fictive/);
    }
    const expected = within
      .map((r) => ({
        siret: r.siret,
        rank: rankValue(r.score + r.boost, 0, haversineKm(center, r), radiusKm, rotationOf("2026-03-02", r.siret)),
      }))
      .sort((a, b) => b.rank - a.rank)
      .map((r) => r.siret);
    expect(found.map((h) => h.siret)).toEqual(expected);
  });

  it("garde le même ordre toute la journée et en change d'un jour à l'autre", async () => {
    const a = (await allPages(query("2026-03-02"))).map((h) => h.siret);
    const again = (await allPages(query("2026-03-02"))).map((h) => h.siret);
    const tomorrow = (await allPages(query("2026-03-03"))).map((h) => h.siret);
    expect(again).toEqual(a);
    expect(new Set(tomorrow)).toEqual(new Set(a));
    expect(tomorrow).not.toEqual(a);
    // A cursor started yesterday keeps yesterday's order for the next pages.
    const first = await findExposedCompanies(handle.db, { ...query("2026-03-02"), cursor: null });
    const next = await findExposedCompanies(handle.db, { ...query("2026-03-03"), cursor: first.nextCursor });
    expect(next.items.map((h) => h.siret)).toEqual(a.slice(7, 14));
  });

  it("montre la carte copiée de l'annuaire avec chaque ligne exposée, et la relit dans l'annuaire pour les lignes plus anciennes", async () => {
    const page = await findExposedCompanies(handle.db, { ...query("2026-03-02"), cursor: null });
    const hit = page.items[0];
    if (!hit) throw new Error("aucune entreprise exposée");
    const directory = await handle.db
      .selectFrom("establishments")
      .select(["name", "brand", "city", "postal_code", "naf_code"])
      .where("siret", "=", hit.siret)
      .executeTakeFirstOrThrow();
    const card = {
      name: directory.brand ?? directory.name,
      city: directory.city,
      postalCode: directory.postal_code,
      nafCode: directory.naf_code,
    };
    expect(hit).toMatchObject(card);
    const stored = await handle.db
      .selectFrom("algo_exposed")
      .select(["company_name", "city"])
      .where("siret", "=", hit.siret)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ company_name: card.name, city: card.city });
    // A row written before the cards were copied: the page reads the directory instead.
    await handle.db
      .updateTable("algo_exposed")
      .set({ company_name: null, city: null, postal_code: null, naf_code: null, naf_label: null })
      .where("siret", "=", hit.siret)
      .execute();
    const again = await findExposedCompanies(handle.db, { ...query("2026-03-02"), cursor: null });
    expect(again.items.find((h) => h.siret === hit.siret)).toMatchObject(card);
  });

  it("ne rend jamais une entreprise retirée, dès son retrait", async () => {
    const before = await allPages(query("2026-03-02"));
    const gone = before[0]?.siret as string;
    await handle.db
      .insertInto("algo_delistings")
      .values({ siret: gone, reason: "test", origin: "company", created_at: new Date() })
      .execute();
    const after = await allPages(query("2026-03-02"));
    expect(after.map((h) => h.siret)).not.toContain(gone);
    expect(after).toHaveLength(before.length - 1);
  });

  it("lit l'index GiST (tour, métier, position) du plus proche au plus lointain", async () => {
    const plan = await sql<{
      "QUERY PLAN": string;
    }>`explain ${nearestCandidatesSql({ romes: [rome], ...center, radiusM: 30_000, perJob: 500 })}`.execute(handle.db);
    const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/Index Scan using algo_exposed_search_idx/);
    expect(text).toMatch(/Index Cond: \(\(run_id = .*\) AND \(rome_code = r\.code\)/);
    expect(text).toMatch(/Order By: \(\(ll_to_earth\(lat, lon\)\)::cube <-> /);
  });

  it("accepte les codes ROME 4.0 (fiche) et ignore les codes inconnus ; refuse un curseur falsifié", async () => {
    const child = await handle.db
      .selectFrom("rome_fiches")
      .select("rome_code")
      .where("parent_rome_code", "=", rome)
      .where("rome_code", "!=", rome)
      .executeTakeFirst();
    if (child) {
      const viaChild = await allPages({ ...query("2026-03-02"), romes: [child.rome_code] });
      expect(viaChild.map((h) => h.siret)).toEqual((await allPages(query("2026-03-02"))).map((h) => h.siret));
    }
    const none = await findExposedCompanies(handle.db, { ...query("2026-03-02"), romes: ["Z9999"] });
    expect(none).toEqual({ items: [], nextCursor: null });
    await expect(findExposedCompanies(handle.db, { ...query("2026-03-02"), cursor: "abc" })).rejects.toMatchObject({
      code: "VALIDATION_ERROR",
    });
  });
});
