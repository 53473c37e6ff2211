import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { renderReportMarkdown } from "./markdown.js";
import type { EvaluationReport } from "./report.js";
import { renderCaptureChartSvg } from "./svg.js";

/** Writes backtest.json, backtest.md and backtest.svg into `dir`; returns the three paths. */
export async function writeReportFiles(
  dir: string,
  report: EvaluationReport,
): Promise<{ json: string; markdown: string; svg: string }> {
  await mkdir(dir, { recursive: true });
  const files = {
    json: path.join(dir, "backtest.json"),
    markdown: path.join(dir, "backtest.md"),
    svg: path.join(dir, "backtest.svg"),
  };
  await writeFile(files.json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(files.markdown, renderReportMarkdown(report, "backtest.svg"));
  await writeFile(files.svg, renderCaptureChartSvg(report));
  return files;
}
