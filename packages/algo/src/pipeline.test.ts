import { describe, expect, it } from "vitest";
import { runPipeline } from "./pipeline.js";
import { exposedCompanies } from "./score/records.js";
import { testReference } from "./test-support.js";

describe("pipeline de bout en bout", () => {
  it("génère, évalue, apprend, note et explique, en rendant compte en français", { timeout: 180_000 }, async () => {
    const reference = await testReference();
    const lines: string[] = [];
    const result = await runPipeline({
      source: { kind: "generate", establishments: 4000, years: 6, seed: 3, scenario: "reference" },
      reference,
      onProgress: (line) => lines.push(line),
      createdAt: "2025-01-02T08:00:00Z",
    });
    expect(result.timings.map((t) => t.stage)).toEqual(["generate", "backtest", "fit", "score"]);
    expect(lines.some((l) => l.startsWith("Génération de 4"))).toBe(true);
    expect(result.report?.createdAt).toBe("2025-01-02T08:00:00Z");
    expect(result.markdown).toContain("## Résultats");
    expect(result.svg).toContain("<polyline");
    const companies = [...exposedCompanies(result.scored, result.dataset, reference)];
    expect(companies.length).toBe(result.scored.exposedEstablishments);
    expect(companies.length).toBeGreaterThan(0);
    for (const c of companies.slice(0, 50)) {
      expect(c.siret).toMatch(/^\d{14}$/);
      expect(c.score).toBeGreaterThan(0);
      expect(c.romes[0]?.explanation).toMatch(/^(A recruté|A embauché|Les entreprises)/);
    }
    await expect(
      runPipeline({
        source: { kind: "generate", establishments: 10, years: 6, seed: 1, scenario: "inconnu" },
        reference,
      }),
    ).rejects.toThrow("Scénario inconnu");
  });
});
