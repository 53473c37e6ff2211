import { distanceKm } from "@tremplin/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertOffer } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";

let t: TestApp;
const lyon = { lat: 45.764, lon: 4.8357 };
const placed: Array<{ id: string; lat: number; lon: number; rome: string }> = [];

/** A deterministic spread of points around Lyon (up to ~110 km), some exactly equidistant. */
function spread(n: number) {
  const points: Array<{ lat: number; lon: number }> = [];
  for (let i = 0; i < n; i++) {
    const angle = (i * 137.508 * Math.PI) / 180;
    const r = 0.01 + (i % 40) * 0.025;
    points.push({ lat: lyon.lat + r * Math.sin(angle), lon: lyon.lon + r * 1.4 * Math.cos(angle) });
  }
  return points;
}

beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 100_000 } });
  const points = spread(160);
  for (const [i, p] of points.entries()) {
    const rome = i % 3 === 0 ? "D1104" : "D1102"; // pâtissier / boulanger
    const row = await insertOffer(t, {
      lat: p.lat,
      lon: p.lon,
      rome_code: rome,
      diploma_level: i % 4 === 0 ? 4 : null,
    });
    placed.push({ id: row.id, ...p, rome });
  }
  // Equidistant twins: ties must be broken by id, never repeated or skipped across pages.
  for (let k = 0; k < 3; k++) {
    const row = await insertOffer(t, { lat: lyon.lat + 0.05, lon: lyon.lon, rome_code: "D1102" });
    placed.push({ id: row.id, lat: lyon.lat + 0.05, lon: lyon.lon, rome: "D1102" });
  }
  // Not to be found: closed, pending, another job.
  await insertOffer(t, { status: "filled", lat: lyon.lat, lon: lyon.lon });
  await insertOffer(t, { status: "pending", lat: lyon.lat, lon: lyon.lon });
  await insertOffer(t, { rome_code: "M1855", lat: lyon.lat, lon: lyon.lon });
});
afterAll(async () => t?.close());

async function search(query: string) {
  const r = await t.app.inject({ method: "GET", url: `/api/v1/jobs/search?${query}` });
  return { status: r.statusCode, body: r.json() };
}

async function allPages(query: string, limit: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const { status, body } = await search(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(status).toBe(200);
    ids.push(...body.offers.map((o: { id: string }) => o.id));
    cursor = body.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return ids;
}

describe("GET /api/v1/jobs/search — offers", () => {
  it("returns exactly the offers within the radius, nearest first, by independently computed distance", async () => {
    const { body } = await search(`romes=D1102&latitude=${lyon.lat}&longitude=${lyon.lon}&radius=30&limit=100`);
    const expected = placed
      .filter((p) => p.rome === "D1102" && distanceKm(lyon, p) <= 30)
      .sort((a, b) => distanceKm(lyon, a) - distanceKm(lyon, b));
    expect(body.offers.map((o: { id: string }) => o.id).sort()).toEqual(expected.map((p) => p.id).sort());
    const distances = body.offers.map((o: { distanceKm: number }) => o.distanceKm);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    for (const o of body.offers) {
      const p = placed.find((x) => x.id === o.id) as { lat: number; lon: number };
      expect(Math.abs(o.distanceKm - distanceKm(lyon, p))).toBeLessThan(0.2);
    }
    expect(JSON.stringify(body)).not.toContain("recrutement@fixture.example");
  });

  it("pages through every result without gaps or repeats, ties included", async () => {
    const query = `romes=D1102,D1104&latitude=${lyon.lat}&longitude=${lyon.lon}&radius=100`;
    const paged = await allPages(query, 7);
    const whole = (await search(`${query}&limit=100`)).body.offers.map((o: { id: string }) => o.id);
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged.slice(0, 100)).toEqual(whole); // pages follow the same order as one big page
    const expected = placed.filter((p) => distanceKm(lyon, p) <= 100).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(100);
    expect([...paged].sort()).toEqual([...expected].sort());
  });

  it("keeps many offers at one spot (a commune's centre) in id order across pages, beyond the rows read ahead", async () => {
    const spot = { lat: 44.8378, lon: -0.5792 }; // Bordeaux, far from the other fixtures
    const ids: string[] = [];
    for (let k = 0; k < 45; k++) ids.push((await insertOffer(t, { ...spot, rome_code: "D1102" })).id);
    const paged = await allPages(`romes=D1102&latitude=${spot.lat}&longitude=${spot.lon}&radius=10`, 5);
    expect(paged).toEqual([...ids].sort());
  });

  it("accepts classic ROME codes, an appellation instead of codes, and filters by diploma level", async () => {
    const byAppellation = await search(`appellationCode=11573&latitude=${lyon.lat}&longitude=${lyon.lon}&radius=10`);
    expect(byAppellation.body.offers.every((o: { romeCode: string }) => o.romeCode === "D1102")).toBe(true);
    const level = await search(
      `romes=D1102&latitude=${lyon.lat}&longitude=${lyon.lon}&radius=100&diplomaLevel=3&limit=100`,
    );
    expect(level.body.offers.every((o: { diplomaLevel: number | null }) => o.diplomaLevel === null)).toBe(true);
  });

  it.each([
    ["latitude=45.7&longitude=4.8", "VALIDATION_ERROR"],
    ["romes=D1102&latitude=51.5&longitude=-0.12", "VALIDATION_ERROR"],
    ["romes=D1102&latitude=abc&longitude=4.8", "VALIDATION_ERROR"],
    ["romes=D1102&latitude=45.7&longitude=4.8&radius=500", "VALIDATION_ERROR"],
    ["romes=boulanger&latitude=45.7&longitude=4.8", "VALIDATION_ERROR"],
    ["romes=D1102&latitude=45.7&longitude=4.8&cursor=nimportequoi", "CURSOR_INVALID"],
    ["appellationCode=99999999&latitude=45.7&longitude=4.8", "APPELLATION_UNKNOWN"],
  ])("refuses ?%s with a 4xx %s", async (query, code) => {
    const { status, body } = await search(query);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(body.error.code).toBe(code);
  });

  it("finds overseas offers", async () => {
    const row = await insertOffer(t, { lat: -20.8789, lon: 55.4481, city: "Saint-Denis" });
    const { body } = await search("romes=D1102&latitude=-20.88&longitude=55.45&radius=10");
    expect(body.offers.map((o: { id: string }) => o.id)).toEqual([row.id]);
  });
});
