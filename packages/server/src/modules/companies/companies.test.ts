import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { importIdcc } from "../../imports/idcc/import-idcc.js";
import { importSirene } from "../../imports/sirene/import-sirene.js";
import * as service from "./service.js";

const imports = path.join(import.meta.dirname, "../../imports");
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await importSirene(t.db.db, {
    establishments: path.join(imports, "sirene/fixtures/StockEtablissement_fixture.csv"),
    legalUnits: path.join(imports, "sirene/fixtures/StockUniteLegale_fixture.csv"),
  });
  await importIdcc(t.db.db, { file: path.join(imports, "idcc/fixtures/idcc_siret_fixture.csv") });
});
afterAll(async () => {
  await t?.close();
});

let ip = 0;
/** Each call from its own address, so that the per-IP rate limit only bites where a test wants it. */
async function get(url: string, remoteAddress = `10.1.0.${++ip % 250}`) {
  const response = await t.app.inject({ method: "GET", url, remoteAddress });
  return { status: response.statusCode, body: response.json() };
}

describe("GET /api/v1/companies/:siret", () => {
  it("returns the documented shape with NAF label, address, position, IDCC and OPCO", async () => {
    const { status, body } = await get("/api/v1/companies/90000001900019");
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(
      [
        "address",
        "brand",
        "headcountBand",
        "idcc",
        "lat",
        "lon",
        "nafCode",
        "nafLabel",
        "name",
        "opco",
        "siren",
        "siret",
        "trainingOrganisation",
      ].sort(),
    );
    expect(body).toMatchObject({
      siret: "90000001900019",
      siren: "900000019",
      name: "BOULANGERIE EXEMPLE SAS",
      brand: "AU PAIN D'EXEMPLE",
      nafCode: "1071C",
      headcountBand: "11",
      address: { street: "12 place Bellecour", postalCode: "69002", inseeCode: "69382" },
      opco: "OPCO EP",
      idcc: 843,
      trainingOrganisation: false,
    });
    expect(body.nafLabel).toMatch(/Boulangerie/);
    expect(body.address.city).toMatch(/^Lyon/);
    expect(body.lat).toBeCloseTo(45.7578, 3);
  });

  it("accepts a SIRET typed with spaces", async () => {
    const { status, body } = await get(`/api/v1/companies/${encodeURIComponent("900 000 019 00019")}`);
    expect(status).toBe(200);
    expect(body.siret).toBe("90000001900019");
  });

  it.each([
    ["123", /14 chiffres/],
    ["9000000190001A", /14 chiffres/],
    ["90000001900018", /clé de contrôle/],
  ])("answers 400 SIRET_INVALID for %s, saying where to find a SIRET", async (siret, message) => {
    const { status, body } = await get(`/api/v1/companies/${siret}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe("SIRET_INVALID");
    expect(body.error.message).toMatch(message);
    expect(body.error.message).toMatch(/annuaire-entreprises\.data\.gouv\.fr/);
  });

  it("answers 404 SIRET_UNKNOWN for a valid SIRET that Sirene does not know", async () => {
    const { status, body } = await get("/api/v1/companies/73282932000074");
    expect(status).toBe(404);
    expect(body.error.code).toBe("SIRET_UNKNOWN");
    expect(body.error.message).toContain("732 829 320 00074");
  });

  it("answers 422 SIRET_CLOSED for a closed establishment", async () => {
    const { status, body } = await get("/api/v1/companies/90000001900027");
    expect(status).toBe(422);
    expect(body.error.code).toBe("SIRET_CLOSED");
    expect(body.error.message).toMatch(/est fermé/);
  });

  it("answers 422 SIRET_NOT_DIFFUSIBLE and returns no data at all", async () => {
    const { status, body } = await get("/api/v1/companies/90000002700012");
    expect(status).toBe(422);
    expect(Object.keys(body)).toEqual(["error"]);
    expect(body.error.code).toBe("SIRET_NOT_DIFFUSIBLE");
    expect(JSON.stringify(body)).not.toMatch(/75008|PARIS/);
  });

  it("knows La Poste's establishments and companies without an OPCO", async () => {
    const poste = await get("/api/v1/companies/35600000012346");
    expect(poste.status).toBe(200);
    expect(poste.body).toMatchObject({ name: "LA POSTE", opco: null, idcc: null });
    const noOpco = await get("/api/v1/companies/90000006800016");
    expect(noOpco.body).toMatchObject({ name: "CAMILLE MODELE", idcc: 9999, opco: null });
  });

  it("rate-limits each address (the contract allows 30 a minute)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await get("/api/v1/companies/90000001900019", "10.9.9.9")).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    const last = await get("/api/v1/companies/90000001900019", "10.9.9.9");
    expect(last.status).toBe(429);
    expect(last.body.error.code).toBe("RATE_LIMITED");
    expect((await get("/api/v1/companies/90000001900019", "10.9.9.10")).status).toBe(200);
  });
});

describe("OpenAPI", () => {
  it("documents both routes from their contracts", async () => {
    const { status, body } = await get("/api/docs/openapi.json");
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(["/api/v1/companies/{siret}", "/api/v1/demo/sirets"]),
    );
    expect(body.paths["/api/v1/companies/{siret}"].get.description).toMatch(/SIRET_NOT_DIFFUSIBLE/);
    expect(JSON.stringify(body.components?.schemas ?? {})).toMatch(/headcountBand/);
  });
});

describe("companies service, for other modules", () => {
  it("resolves an establishment with its OPCO id, in any state", async () => {
    const deps = service.companiesDeps(t.deps);
    const cfa = await service.resolveEstablishment(deps, "900 000 050 00014");
    expect(cfa).toMatchObject({ idcc: 2120, opcoId: "atlas", opcoName: "Atlas", trainingOrganisation: true });
    // The public card says so too: the sign-up sends a training organisation to the CFA sign-up.
    expect((await get("/api/v1/companies/90000005000014")).body.trainingOrganisation).toBe(true);
    const closed = await service.resolveEstablishment(deps, "90000001900027");
    expect(closed).toMatchObject({ adminState: "F", opcoId: null });
    expect(await service.resolveEstablishment(deps, "73282932000074")).toBeNull();
    await expect(service.resolveEstablishment(deps, "123")).rejects.toMatchObject({ code: "SIRET_INVALID" });
  });

  it("tells training organisations from other companies", async () => {
    const deps = service.companiesDeps(t.deps);
    expect(await service.isTrainingOrganisation(deps, "90000005000014")).toBe(true);
    expect(await service.isTrainingOrganisation(deps, "90000001900019")).toBe(false);
    expect(await service.isTrainingOrganisation(deps, "73282932000074")).toBe(false);
  });
});
