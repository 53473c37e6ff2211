import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildServices } from "../src/services.js";
import { createTestApp, type TestApp } from "./test-app.js";

// buildServices wrapped in a spy: what buildApp passes it and how often is observed, nothing else changes.
vi.mock(import("../src/services.js"), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, buildServices: vi.fn(actual.buildServices) };
});

const SRC = join(import.meta.dirname, "../src");
const FACTORIES = ["companiesDeps", "offersDeps", "algoCompaniesDeps", "applicationsDeps", "cfaDeps", "alertsDeps"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") &&
      !/\.(test|fixture)\.ts$/.test(entry.name) &&
      !entry.name.includes("test-support")
      ? [relative(SRC, path).split(sep).join("/")]
      : [];
  });
}

describe("the composition root (services.ts)", () => {
  let t: TestApp;
  beforeAll(async () => {
    vi.mocked(buildServices).mockClear();
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("is the only caller of the modules' deps factories: no route, job or CLI command builds its own", () => {
    const callers = new Map<string, string[]>();
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(join(SRC, file), "utf8");
      for (const name of FACTORIES) {
        // A call, not the factory's own declaration.
        if (new RegExp(`(?<!function )\\b${name}\\s*\\(`).test(text)) {
          callers.set(name, [...(callers.get(name) ?? []), file]);
        }
      }
    }
    expect(Object.fromEntries(callers)).toEqual(Object.fromEntries(FACTORIES.map((name) => [name, ["services.ts"]])));
    // The per-app objects too: the audience counters (once found through a process-wide WeakMap) and
    // the in-memory indexes of the autocompletes and the search (once built by their routes).
    for (const kind of ["OfferCounters", "ReferenceSearchIndexes", "RomeTree"]) {
      const builders = sourceFiles(SRC).filter((file) =>
        new RegExp(`\\bnew ${kind}\\s*\\(`).test(readFileSync(join(SRC, file), "utf8")),
      );
      expect(builders, kind).toEqual(["services.ts"]);
    }
  });

  it("is built once per app, with the app's logger, and every module shares its company directory", () => {
    expect(buildServices).toHaveBeenCalledTimes(1);
    const [deps, log] = vi.mocked(buildServices).mock.calls[0] ?? [];
    expect(deps).toBe(t.deps);
    expect(log).toBe(t.app.log);
    const services = vi.mocked(buildServices).mock.results[0]?.value;
    expect(services.offers.companies).toBe(services.companies);
    expect(services.algoCompanies.companies).toBe(services.companies);
    expect(services.companies.db).toBe(t.db.db);
    // What tests call directly is the app's own build, reactions and counters included.
    expect(t.services).toBe(services);
  });

  describe("when the Sirene API fails", () => {
    let server: Server;
    let sireneApiUrl: string;
    beforeAll(async () => {
      // A bad key: the API refuses, the embedded directory answers and the operator is warned.
      server = createServer((_request, response) => response.writeHead(401).end());
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      sireneApiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api-sirene/3.11`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    it("warns through the logger given to buildServices, for every module's look-ups", async () => {
      const deps = { ...t.deps, config: { ...t.config, sireneApiUrl, sireneApiKey: "cle-de-test-1234" } };
      const first = { warn: vi.fn() };
      const second = { warn: vi.fn() };
      const services = buildServices(deps, first);
      // The same process deps with another logger: no cache keeps the first one's (the old WeakMap did).
      const other = buildServices(deps, second);

      await services.offers.companies.directory.findBySiret("90000005000014");
      expect(first.warn).toHaveBeenCalledWith(expect.stringMatching(/^API Sirene indisponible pour 90000005000014 /));
      expect(second.warn).not.toHaveBeenCalled();

      await other.algoCompanies.companies.directory.findBySiret("90000001900019");
      expect(second.warn).toHaveBeenCalledWith(expect.stringMatching(/^API Sirene indisponible pour 90000001900019 /));
      expect(first.warn).toHaveBeenCalledTimes(1);
    });
  });
});
