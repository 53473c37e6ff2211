import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function get(url: string) {
  const response = await t.app.inject({ method: "GET", url });
  return { status: response.statusCode, body: response.json() };
}

describe("GET /api/v1/referential/appellations", () => {
  it.each([
    ["boulang", "Boulanger / Boulangère"],
    ["boulangere", "Boulanger / Boulangère"],
    ["BOULANGÈRE", "Boulanger / Boulangère"],
    ["developeur web", "Développeur / Développeuse web"],
    ["aide soignant", "Aide-soignant / Aide-soignante"],
    ["plombier", "Plombier / Plombière sanitaire"],
    ["coifeur", "Coiffeur / Coiffeuse"],
    ["mecanicien auto", "Mécanicien / Mécanicienne automobile"],
  ])("finds %s → %s first", async (q, expected) => {
    const { status, body } = await get(`/api/v1/referential/appellations?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(body[0]?.label).toBe(expected);
  });

  it("returns the documented shape and honours limit", async () => {
    const { body } = await get("/api/v1/referential/appellations?q=vendeur&limit=3");
    expect(body).toHaveLength(3);
    for (const item of body) {
      expect(Object.keys(item).sort()).toEqual(["codeOgr", "label", "romeCode", "romeLabel"]);
      expect(item.romeCode).toMatch(/^[A-N]\d{4}$/);
    }
  });

  it("ranks principal appellations first, the exact title close behind", async () => {
    const { body } = await get("/api/v1/referential/appellations?q=plombier&limit=3");
    expect(body.slice(0, 2).map((a: { label: string }) => a.label)).toEqual([
      "Plombier / Plombière sanitaire", // PRINCIPALE in ROME
      "Plombier / Plombière",
    ]);
  });

  it("puts the principal appellation of the fiche first", async () => {
    const { body } = await get("/api/v1/referential/appellations?q=boulanger&limit=10");
    expect(body[0]).toMatchObject({ codeOgr: "11573", romeCode: "D1102" });
  });

  it.each([
    ["q=a", "VALIDATION_ERROR"],
    ["q=", "VALIDATION_ERROR"],
    ["", "VALIDATION_ERROR"],
    ["q=boulanger&limit=51", "VALIDATION_ERROR"],
    ["q=boulanger&limit=abc", "VALIDATION_ERROR"],
  ])("rejects ?%s with 400 %s and a French message", async (query, code) => {
    const { status, body } = await get(`/api/v1/referential/appellations?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/invalides/);
    expect(body.error.details[0].path).toBeTruthy();
  });
});

describe("GET /api/v1/referential/communes/nearest", () => {
  it("names a position by its nearest commune, and says so when none is within 30 km", async () => {
    const bellecour = await get("/api/v1/referential/communes/nearest?latitude=45.7578&longitude=4.8320");
    expect(bellecour.status).toBe(200);
    expect(bellecour.body).toMatchObject({ departement: "69", name: expect.stringMatching(/^Lyon/) });
    const brest = await get("/api/v1/referential/communes/nearest?latitude=48.3904&longitude=-4.4861");
    expect(brest.body.name).toBe("Brest");
    const atSea = await get("/api/v1/referential/communes/nearest?latitude=46.0&longitude=-3.5");
    expect([atSea.status, atSea.body.error.code]).toEqual([404, "COMMUNE_NOT_FOUND"]);
    const abroad = await get("/api/v1/referential/communes/nearest?latitude=51.5&longitude=-0.12");
    expect([abroad.status, abroad.body.error.code]).toEqual([400, "VALIDATION_ERROR"]);
  });
});

describe("GET /api/v1/referential/romes/:romeCode", () => {
  it("returns the fiche with texts and skills by kind", async () => {
    const { status, body } = await get("/api/v1/referential/romes/D1102");
    expect(status).toBe(200);
    expect(body.romeCode).toBe("D1102");
    expect(body.label).toBe("Boulanger / Boulangère");
    expect(body.definition.length).toBeGreaterThan(100);
    expect(body.definition).not.toContain("''");
    expect(body.access).toMatch(/CAP|Bac|diplôme/i);
    expect(body.skills.savoirFaire.length).toBeGreaterThan(5);
    expect(body.skills.savoirEtre.length).toBeGreaterThan(0);
    expect(body.skills.savoirs.length).toBeGreaterThan(5);
    expect(body.skills.savoirFaire.some((s: { core: boolean }) => s.core)).toBe(true);
    // Work contexts are not skills.
    const all = [...body.skills.savoirFaire, ...body.skills.savoirEtre, ...body.skills.savoirs].map((s) => s.label);
    expect(all).not.toContain("Travail de nuit");
    expect(body.domain).toMatchObject({ code: "D11", grandDomainCode: "D" });
    expect(body.romeVersion).toBe("ROME 4.0 v4.60");
    // Close jobs in the order of the ROME's mobility file (D1104 is its first, D1106 its second).
    expect(body.closeJobs.slice(0, 2).map((j: { romeCode: string }) => j.romeCode)).toEqual(["D1104", "D1106"]);
    expect(body.closeJobs[0].appellation.codeOgr).toMatch(/^\d+$/);
    expect(body.closeJobs.some((j: { romeCode: string }) => j.romeCode === "D1102")).toBe(false);
  });

  it("accepts a lower-case code", async () => {
    expect((await get("/api/v1/referential/romes/d1102")).status).toBe(200);
  });

  it("answers 404 ROME_UNKNOWN for a well-formed unknown code", async () => {
    const { status, body } = await get("/api/v1/referential/romes/A9999");
    expect(status).toBe(404);
    expect(body.error.code).toBe("ROME_UNKNOWN");
  });

  it("answers 400 for a malformed code", async () => {
    const { status, body } = await get("/api/v1/referential/romes/boulanger");
    expect(status).toBe(400);
    expect(body.error.code).toBe("VALIDATION_ERROR");
  });
});

describe("GET /api/v1/referential/communes", () => {
  it("lists Lyon first for q=lyon, with all its postal codes", async () => {
    const { status, body } = await get("/api/v1/referential/communes?q=lyon");
    expect(status).toBe(200);
    expect(body[0]).toMatchObject({ inseeCode: "69123", name: "Lyon", departement: "69" });
    expect(body[0].postalCodes).toContain("69003");
    expect(body[0].lat).toBeCloseTo(45.76, 1);
    expect(body[0].lon).toBeCloseTo(4.84, 1);
  });

  it("gives Lyon for postalCode=69003", async () => {
    const { body } = await get("/api/v1/referential/communes?postalCode=69003");
    expect(body[0]).toMatchObject({ inseeCode: "69123", name: "Lyon" });
  });

  it("tolerates accents and hyphens (saint etienne)", async () => {
    const { body } = await get("/api/v1/referential/communes?q=saint%20etienne");
    expect(body[0].name).toBe("Saint-Étienne");
  });

  it("names communes with their article and finds them by full name or without it, the town itself first", async () => {
    const first = async (q: string) =>
      (await get(`/api/v1/referential/communes?q=${encodeURIComponent(q)}`)).body[0] as { name: string };
    expect(await first("Le Havre")).toMatchObject({ name: "Le Havre", inseeCode: "76351" });
    expect(await first("havre")).toMatchObject({ name: "Le Havre" });
    expect(await first("Le Mans")).toMatchObject({ name: "Le Mans", inseeCode: "72181" });
    expect(await first("mans")).toMatchObject({ name: "Le Mans" });
    expect(await first("La Rochelle")).toMatchObject({ name: "La Rochelle", inseeCode: "17300" });
    expect(await first("rochelle")).toMatchObject({ name: "La Rochelle", inseeCode: "17300" });
    expect(await first("sables d'olonne")).toMatchObject({ name: "Les Sables-d'Olonne" });
    expect(await first("L'Haÿ-les-Roses")).toMatchObject({ name: "L'Haÿ-les-Roses" });
    expect(await first("hay les roses")).toMatchObject({ name: "L'Haÿ-les-Roses" });
    const byPostalCode = await get("/api/v1/referential/communes?postalCode=85100");
    expect(byPostalCode.body[0].name).toBe("Les Sables-d'Olonne");
  });

  it.each(["", "q=a", "postalCode=6900", "postalCode=abcde"])("rejects ?%s", async (query) => {
    const { status, body } = await get(`/api/v1/referential/communes?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe("VALIDATION_ERROR");
  });
});

describe("OPCO, NAF, diploma levels", () => {
  it("lists the 11 OPCOs", async () => {
    const { status, body } = await get("/api/v1/referential/opcos");
    expect(status).toBe(200);
    expect(body).toHaveLength(11);
    expect(body.map((o: { name: string }) => o.name)).toContain("Akto");
  });

  it("labels a NAF code written with or without its dot", async () => {
    for (const code of ["1071C", "10.71C", "1071c"]) {
      const { status, body } = await get(`/api/v1/referential/naf/${code}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ code: "1071C", section: { code: "C" } });
      expect(body.label).toMatch(/Boulangerie/);
    }
  });

  it("answers 404 NAF_UNKNOWN and 400 for malformed", async () => {
    expect((await get("/api/v1/referential/naf/9999Z")).body.error.code).toBe("NAF_UNKNOWN");
    expect((await get("/api/v1/referential/naf/9999Z")).status).toBe(404);
    expect((await get("/api/v1/referential/naf/boulangerie")).status).toBe(400);
  });

  it("lists diploma levels 3 to 7", async () => {
    const { body } = await get("/api/v1/referential/diploma-levels");
    expect(body.map((l: { level: number }) => l.level)).toEqual([3, 4, 5, 6, 7]);
  });
});
