import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recruiterWithCompany, signedIn } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { matchCfas } from "./matching-service.js";
import { LYON, loadFixtureCatalogue } from "./test-support.js";

let t: TestApp;
let sirets: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 100_000 } });
  sirets = await loadFixtureCatalogue(t.db.db, [
    // The offer is for "Chef boulanger" (fiche D1108, parent D1102, domain D11).
    { name: "Exact à 20 km", km: 20, romes: ["D1108"] },
    { name: "Parent à 5 km", km: 5, romes: ["D1102"], trainings: 3 },
    { name: "Parent à 95 km", km: 95, romes: ["D1102", "D1104"] },
    { name: "Domaine à 2 km", km: 2, romes: ["D1104"] },
    ...Array.from({ length: 8 }, (_, i) => ({ name: `Domaine proche ${i + 1}`, km: 1 + i / 10, romes: ["D1106"] })),
    { name: "Parent à 120 km", km: 120, romes: ["D1102"] },
    { name: "Non certifié à 3 km", km: 3, romes: ["D1102"], certified: false },
    { name: "Sans adresse à 6 km", km: 6, romes: ["D1102"], email: null },
    { name: "Autre métier à 1 km", km: 1, romes: ["G1602"] },
  ]);
});
afterAll(async () => t?.close());

async function postOffer(cookie: string, appellationCode = "12006") {
  const r = await t.app.inject({
    method: "POST",
    url: "/api/v1/offers",
    headers: { cookie },
    payload: { appellationCode, startDate: "2026-09-01" },
  });
  expect(r.statusCode).toBe(201);
  return r.json().id as string;
}

const suggestions = (id: string, cookie?: string) =>
  t.app.inject({ method: "GET", url: `/api/v1/offers/${id}/cfa-suggestions`, headers: cookie ? { cookie } : {} });

describe("CFA suggestions for an offer", () => {
  it("keeps the best matches when there are more than ten, shows them nearest first, each with its trainings", async () => {
    const r = await recruiterWithCompany(t);
    const id = await postOffer(r.cookie);
    const response = await suggestions(id, r.cookie);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      offerId: id,
      romeCode: "D1108",
      radiusKm: 100,
      located: true,
      canRequest: true,
      held: false,
    });
    const names = body.items.map((i: { name: string }) => i.name);
    // The 3 CFAs training for the job (exact or parent); the 9 nearer ones that only share its broad
    // domain (other trades of « commerce alimentaire et métiers de bouche ») are not suggested.
    expect(names).toHaveLength(3);
    expect(names.some((n: string) => n.startsWith("Domaine"))).toBe(false);
    for (const name of ["Exact à 20 km", "Parent à 5 km", "Parent à 95 km"]) expect(names).toContain(name);
    // Shown nearest first.
    const distances = body.items.map((i: { distanceKm: number }) => i.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(body.items.at(-1)).toMatchObject({ name: "Parent à 95 km", match: "parent" });
    const exact = body.items.find((i: { name: string }) => i.name === "Exact à 20 km");
    expect(exact).toMatchObject({ match: "exact", siret: sirets["Exact à 20 km"], request: null });
    expect(exact.distanceKm).toBeCloseTo(20, 0);
    const parent = body.items.find((i: { name: string }) => i.name === "Parent à 5 km");
    expect(parent.trainingsCount).toBe(3);
    expect(parent.trainings).toHaveLength(3);
    expect(parent.trainings[0]).toMatchObject({ match: "parent", title: "Formation D1102 n° 1 de Parent à 5 km" });
    // A CFA training for several codes of the domain appears once, at its best match.
    expect(names.filter((n: string) => n === "Parent à 95 km")).toHaveLength(1);
  });

  it("leaves out CFAs beyond the radius, uncertified, without an address, opted out, or of another domain", async () => {
    const job = { romeCode: "D1108", ...LYON };
    const names = async (radiusKm: number) => {
      const m = await matchCfas(t.db.db, job, radiusKm, 50);
      return m.matches.map((x) => x.siret);
    };
    const within100 = await names(100);
    expect(within100).toHaveLength(3);
    for (const name of ["Parent à 120 km", "Non certifié à 3 km", "Sans adresse à 6 km", "Autre métier à 1 km"]) {
      expect(within100).not.toContain(sirets[name]);
    }
    expect(await names(150)).toContain(sirets["Parent à 120 km"]);
    expect(await names(10)).not.toContain(sirets["Exact à 20 km"]);

    await t.db.db
      .updateTable("training_organisations")
      .set({ requests_opted_out_at: t.clock.now() })
      .where("siret", "=", sirets["Parent à 5 km"] as string)
      .execute();
    expect(await names(100)).not.toContain(sirets["Parent à 5 km"]);
    await t.db.db
      .updateTable("training_organisations")
      .set({ requests_opted_out_at: null })
      .where("siret", "=", sirets["Parent à 5 km"] as string)
      .execute();
  });

  it("ranks the offer's own fiche above its parent code, and never falls back to the domain", async () => {
    const m = await matchCfas(t.db.db, { romeCode: "D1108", ...LYON }, 100, 3);
    expect(m.matches.map((x) => [x.siret, x.match])).toEqual([
      [sirets["Parent à 5 km"], "parent"],
      [sirets["Exact à 20 km"], "exact"],
      [sirets["Parent à 95 km"], "parent"],
    ]);
    // For "Boulanger" (D1102, its own parent) the D1102 CFAs match exactly, and so does the D1108
    // one (its training is indexed under its parent code D1102 too); the domain never comes in.
    const baker = await matchCfas(t.db.db, { romeCode: "D1102", ...LYON }, 100, 4);
    expect(baker.matches.map((x) => x.match)).toEqual(["exact", "exact", "exact"]);
  });

  it("walks past the nearest trainings of CFAs it cannot suggest, page after page", async () => {
    // 250 trainings of an uncertified CFA at 1 km fill the first pages of the index walk.
    const mass = await loadFixtureCatalogue(t.db.db, [
      { name: "Masse non certifiée", km: 1, romes: ["F1603"], certified: false, trainings: 250 },
      { name: "Plombier certifié à 50 km", km: 50, romes: ["F1603"] },
    ]);
    const m = await matchCfas(t.db.db, { romeCode: "F1603", ...LYON }, 100);
    expect(m.matches.map((x) => [x.siret, x.match])).toEqual([[mass["Plombier certifié à 50 km"], "exact"]]);
  });

  it("answers only the offer's manager", async () => {
    const r = await recruiterWithCompany(t);
    const id = await postOffer(r.cookie);
    const other = await recruiterWithCompany(t);
    expect((await suggestions(id)).statusCode).toBe(401);
    const foreign = await suggestions(id, other.cookie);
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, "OFFER_NOT_FOUND"]);
    const admin = await signedIn(t, "admin");
    expect((await suggestions(id, admin.cookie)).statusCode).toBe(403);
  });

  it("says when the workplace has no position", async () => {
    const r = await recruiterWithCompany(t, { establishment: { lat: null, lon: null, insee_code: null } });
    const id = await postOffer(r.cookie);
    const body = (await suggestions(id, r.cookie)).json();
    expect(body).toMatchObject({ located: false, items: [] });
  });
});
