import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { boxOf, cubeOf, earthDistance } from "./earth.js";
import { LYON, loadFixtureCatalogue } from "./test-support.js";
import { searchTrainings } from "./trainings-service.js";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 100_000 } });
  await loadFixtureCatalogue(t.db.db, [
    { name: "CAP à 6 km", km: 6, romes: ["D1102"], level: 3 },
    { name: "BP à 2 km", km: 2, romes: ["D1102"], level: 4 },
    { name: "Chef à 10 km", km: 10, romes: ["D1108"], level: 4 },
    { name: "Pâtissier à 1 km", km: 1, romes: ["D1104"], level: 3 },
    { name: "Boulanger à 45 km", km: 45, romes: ["D1102"], level: 3 },
    { name: "Non certifié à 1 km", km: 1, romes: ["D1102"], certified: false },
    // Opting out of companies' requests does not hide a CFA's trainings from candidates.
    { name: "Sans adresse à 3 km", km: 3, romes: ["D1102"], email: null },
  ]);
});
afterAll(async () => t?.close());

const search = (query: string) => t.app.inject({ method: "GET", url: `/api/v1/formations/search?${query}` });
const at = `latitude=${LYON.lat}&longitude=${LYON.lon}`;

describe("GET /api/v1/formations/search", () => {
  it("returns the trainings for the jobs within the radius, nearest first, with their distance", async () => {
    const response = await search(`romes=D1102&${at}&radius=30`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.radiusKm).toBe(30);
    expect(body.items.map((i: { organisation: { name: string } }) => i.organisation.name)).toEqual([
      "BP à 2 km",
      "Sans adresse à 3 km",
      "CAP à 6 km",
      "Chef à 10 km",
    ]);
    expect(body.items[0]).toMatchObject({
      match: "exact",
      diplomaLevel: 4,
      diplomaLevelLabel: "Bac, Bac pro, BP",
      romeCodes: ["D1102"],
      startMonths: ["2026-09"],
      place: { city: "Ville à 2 km" },
    });
    expect(body.items[0].distanceKm).toBeCloseTo(2, 0);
    // The chef's training is indexed under its classic parent D1102: an exact match for D1102.
    expect((await search(`romes=D1102&${at}&radius=50`)).json().items).toHaveLength(5);
  });

  it("matches a ROME 4.0 code through its classic parent, and filters by diploma level", async () => {
    const chef = (await search(`romes=d1108&${at}&radius=30&diplomaLevel=4`)).json().items;
    expect(chef.map((i: { organisation: { name: string }; match: string }) => [i.organisation.name, i.match])).toEqual([
      ["BP à 2 km", "parent"],
      ["Chef à 10 km", "exact"],
    ]);
    const several = await searchTrainings(t.db.db, { romeCodes: ["D1104", "D1102"], ...LYON, radiusKm: 5, limit: 2 });
    expect(several.map((i) => i.organisation.name)).toEqual(["Pâtissier à 1 km", "BP à 2 km"]);
  });

  it("stays exact when the nearest trainings are all filtered out", async () => {
    // 210 level-3 trainings nearby are more than the nearest rows read per code: the search must
    // look further for the level-5 one.
    await loadFixtureCatalogue(t.db.db, [
      { name: "Masse de niveau 3", km: 1, romes: ["I1604"], level: 3, trainings: 210 },
      { name: "Niveau 5 à 20 km", km: 20, romes: ["I1604"], level: 5 },
    ]);
    const found = await searchTrainings(t.db.db, {
      romeCodes: ["I1604"],
      ...LYON,
      radiusKm: 50,
      diplomaLevel: 5,
      limit: 10,
    });
    expect(found.map((f) => f.organisation.name)).toEqual(["Niveau 5 à 20 km"]);
    const nearest = await searchTrainings(t.db.db, { romeCodes: ["I1604"], ...LYON, radiusKm: 50, limit: 3 });
    expect(nearest.map((f) => f.organisation.name)).toEqual([
      "Masse de niveau 3",
      "Masse de niveau 3",
      "Masse de niveau 3",
    ]);
  });

  it("computes distances, points and boxes as the earthdistance extension does", async () => {
    const paris = { lat: 48.8566, lon: 2.3522 };
    const row = await sql<{ d: number; inside: boolean; outside: boolean; point: string }>`
      select earth_distance(ll_to_earth(${paris.lat}::float8, ${paris.lon}::float8), ll_to_earth(${LYON.lat}::float8, ${LYON.lon}::float8)) as d,
        ${boxOf(paris, 400_000)}::cube @> ll_to_earth(${LYON.lat}::float8, ${LYON.lon}::float8) as inside,
        ${boxOf(paris, 100_000)}::cube @> ll_to_earth(${LYON.lat}::float8, ${LYON.lon}::float8) as outside,
        cube_distance(${cubeOf(paris)}::cube, ll_to_earth(${paris.lat}::float8, ${paris.lon}::float8))::text as point
    `.execute(t.db.db);
    const [r] = row.rows;
    expect(earthDistance(paris, LYON)).toBeCloseTo(Number(r?.d), 3);
    expect(Number(r?.d)).toBeGreaterThan(390_000);
    expect(r).toMatchObject({ inside: true, outside: false });
    expect(Number(r?.point)).toBeLessThan(1e-6);
  });

  it("explains bad queries in French", async () => {
    const noRome = await search(`${at}`);
    expect(noRome.statusCode).toBe(400);
    const badRome = await search(`romes=boulanger&${at}`);
    expect(badRome.json().error.details[0].message).toContain("Codes ROME attendus");
    expect((await search(`romes=D1102&latitude=95&longitude=4`)).statusCode).toBe(400);
    expect((await search(`romes=D1102&${at}&radius=500`)).statusCode).toBe(400);
  });

  it("is documented in the OpenAPI document with the other CFA matching routes", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/docs/openapi.json" })).json();
    for (const path of [
      "/api/v1/formations/search",
      "/api/v1/offers/{id}/cfa-suggestions",
      "/api/v1/offers/{id}/cfa-requests",
      "/api/v1/cfa-links/answer",
      "/api/v1/cfa/requests",
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    // What a CFA sees of an offer has no field for the recruiter's address or phone (ADR 006).
    expect(Object.keys(doc.components.schemas.CfaRequestOffer.properties)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/email|phone/i)]),
    );
  });
});
