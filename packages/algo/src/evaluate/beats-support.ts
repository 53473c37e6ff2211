import { expect, it } from "vitest";
import { scenarios } from "../generate/assumptions.js";
import { generateDataset } from "../generate/generate.js";
import { testReference } from "../test-support.js";
import { runBacktest } from "./backtest.js";
import { renderReportMarkdown } from "./markdown.js";
import { metricsOf } from "./report.js";
import { renderCaptureChartSvg } from "./svg.js";

/**
 * The model must beat both baselines on the temporal backtest, on data generated under the
 * default assumptions and under other ones (firms starting / stopping, heavy noise, strong and
 * shifted seasonality), and close a good share of the gap between baseline B and the oracle.
 */
export function beatsBaselines(names: string[]): void {
  for (const name of names) {
    // Generous timeout: a slow, shared CI machine; timing belongs to the benchmark, not here.
    it(`scénario « ${name} »`, { timeout: 180_000 }, async () => {
      const reference = await testReference();
      const g = generateDataset(reference, { establishments: 10000, years: 6, seed: 21, assumptions: scenarios[name] });
      const { report } = runBacktest(g.dataset, reference, { oracle: g.oracle });
      const t = metricsOf(report, "tremplin");
      for (const id of ["base-a", "base-b"]) {
        const b = metricsOf(report, id);
        expect(t.capture10, `top 10 % vs ${id}`).toBeGreaterThan(b.capture10);
        expect(t.capture20, `top 20 % vs ${id}`).toBeGreaterThan(b.capture20);
        expect(t.deviance, `déviance vs ${id}`).toBeLessThan(b.deviance);
      }
      expect(report.beatsBaselines).toBe(true);
      expect(report.gapClosed?.capture20).toBeGreaterThan(0.3);
      expect(report.gapClosed?.deviance).toBeGreaterThan(0.3);
      if (name === "reference") {
        expect(renderReportMarkdown(report)).toContain("| Modèle Tremplin");
        const svg = renderCaptureChartSvg(report);
        expect(svg.startsWith("<svg")).toBe(true);
        expect(svg.match(/<polyline/g)).toHaveLength(4);
      }
    });
  }
}
