import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { importIdcc } from "../../imports/idcc/import-idcc.js";
import { importSirene } from "../../imports/sirene/import-sirene.js";
import { embeddedDirectory } from "./embedded-directory.js";
import { sireneApiDirectory } from "./sirene-api.js";

/** An establishment as API Sirene 3.11 answers GET /siret/{siret}. */
const apiBody = {
  header: { statut: 200, message: "ok" },
  etablissement: {
    siren: "900000050",
    nic: "00014",
    siret: "90000005000014",
    statutDiffusionEtablissement: "O",
    dateCreationEtablissement: "2015-03-02",
    trancheEffectifsEtablissement: "22",
    anneeEffectifsEtablissement: "2023",
    etablissementSiege: true,
    nombrePeriodesEtablissement: 2,
    uniteLegale: {
      etatAdministratifUniteLegale: "A",
      statutDiffusionUniteLegale: "O",
      categorieJuridiqueUniteLegale: "9220",
      denominationUniteLegale: "ASSOCIATION CFA EXEMPLE (API)",
      nomUniteLegale: null,
      prenom1UniteLegale: null,
      activitePrincipaleUniteLegale: "85.59A",
    },
    adresseEtablissement: {
      numeroVoieEtablissement: "40",
      typeVoieEtablissement: "RUE",
      libelleVoieEtablissement: "DU CENTRE DE FORMATION",
      codePostalEtablissement: "44000",
      libelleCommuneEtablissement: "NANTES",
      codeCommuneEtablissement: "44109",
      coordonneeLambertAbscisseEtablissement: "355570.8",
      coordonneeLambertOrdonneeEtablissement: "6689601.1",
    },
    periodesEtablissement: [
      {
        dateFin: null,
        dateDebut: "2020-01-01",
        etatAdministratifEtablissement: "A",
        enseigne1Etablissement: "CFA EXEMPLE (API)",
        denominationUsuelleEtablissement: null,
        activitePrincipaleEtablissement: "85.59A",
        nomenclatureActivitePrincipaleEtablissement: "NAFRev2",
      },
      {
        dateFin: "2019-12-31",
        dateDebut: "2015-03-02",
        etatAdministratifEtablissement: "A",
        enseigne1Etablissement: "OLD",
      },
    ],
  },
};

type Handler = (req: IncomingMessage) => { status: number; body?: unknown; delayMs?: number };
let handler: Handler;
const requests: IncomingMessage[] = [];
let server: Server;
let baseUrl: string;
let t: TestApp;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req);
    const { status, body, delayMs } = handler(req);
    setTimeout(() => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body ?? { header: { statut: status, message: "erreur" } }));
    }, delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api-sirene/3.11`;
  t = await createTestApp({ config: { sireneApiUrl: baseUrl, sireneApiKey: "cle-de-test-1234" } });
  const imports = path.join(import.meta.dirname, "../../imports");
  await importSirene(t.db.db, { establishments: path.join(imports, "sirene/fixtures/StockEtablissement_fixture.csv") });
  await importIdcc(t.db.db, { file: path.join(imports, "idcc/fixtures/idcc_siret_fixture.csv") });
});
afterAll(async () => {
  await t?.close();
  server?.close();
});
beforeEach(() => {
  requests.length = 0;
});

const directory = (overrides: Partial<Parameters<typeof sireneApiDirectory>[0]> = {}) =>
  sireneApiDirectory({ baseUrl, apiKey: "cle-de-test-1234", fallback: embeddedDirectory(t.db.db), ...overrides });

describe("Sirene API adapter", () => {
  it("reads the 3.11 shape with the current period, and sends the integration key", async () => {
    handler = () => ({ status: 200, body: apiBody });
    const found = await directory().findBySiret("90000005000014");
    expect(requests[0]?.url).toBe("/api-sirene/3.11/siret/90000005000014");
    expect(requests[0]?.headers["x-insee-api-key-integration"]).toBe("cle-de-test-1234");
    expect(found).toMatchObject({
      name: "ASSOCIATION CFA EXEMPLE (API)",
      brand: "CFA EXEMPLE (API)",
      nafCode: "8559A",
      headcountBand: "22",
      street: "40 RUE DU CENTRE DE FORMATION",
      adminState: "A",
      diffusion: "O",
    });
    expect(found?.lat).toBeCloseTo(47.2173, 4);
  });

  it("maps 404 to unknown and 403 to non-diffusible, and caches answers", async () => {
    handler = (req) => ({ status: req.url?.endsWith("73282932000074") ? 404 : 403 });
    const api = directory();
    expect(await api.findBySiret("73282932000074")).toBeNull();
    expect(await api.findBySiret("73282932000074")).toBeNull();
    expect(requests).toHaveLength(1);
    expect(await api.findBySiret("90000001900019")).toMatchObject({ diffusion: "N", name: null });
  });

  it("retries transient failures (5xx, 429) with backoff", async () => {
    let calls = 0;
    handler = () => (++calls < 3 ? { status: calls === 1 ? 503 : 429 } : { status: 200, body: apiBody });
    expect(await directory().findBySiret("90000005000014")).toMatchObject({ siret: "90000005000014" });
    expect(requests).toHaveLength(3);
  });

  it("falls back to the embedded directory after a timeout, and says so", async () => {
    handler = () => ({ status: 200, body: apiBody, delayMs: 500 });
    const fallbacks: string[] = [];
    const api = directory({ timeoutMs: 100, retries: 1, onFallback: (siret) => fallbacks.push(siret) });
    const found = await api.findBySiret("90000005000014");
    expect(found?.brand).toBe("CFA EXEMPLE DES METIERS"); // the fixture's, not the API's
    expect(fallbacks).toEqual(["90000005000014"]);
    expect(requests).toHaveLength(2);
  });

  it("serves GET /api/v1/companies/:siret from the API when configured, with the OPCO from our tables", async () => {
    handler = () => ({ status: 200, body: apiBody });
    const response = await t.app.inject({ method: "GET", url: "/api/v1/companies/90000005000014" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: "ASSOCIATION CFA EXEMPLE (API)", idcc: 2120, opco: "Atlas" });
    handler = () => ({ status: 403 });
    const hidden = await t.app.inject({ method: "GET", url: "/api/v1/companies/90000001900019" });
    expect(hidden.json().error.code).toBe("SIRET_NOT_DIFFUSIBLE");
  });
});
