import { pct, xml } from "./format.js";
import type { EvaluationReport } from "./report.js";

const COLORS: Record<string, string> = {
  "base-a": "#b34000",
  "base-b": "#6a6af4",
  tremplin: "#000091",
  oracle: "#18753c",
};
const DASH: Record<string, string> = { oracle: "6 4", "base-a": "2 3" };

/**
 * Capture curves as a standalone SVG (no dependency): x = share of establishments kept (best
 * ranked first), y = share of the actual contracts they signed; one line per model and the oracle.
 */
export function renderCaptureChartSvg(report: EvaluationReport): string {
  const w = 720;
  const h = 440;
  const m = { left: 64, right: 24, top: 48, bottom: 104 };
  const pw = w - m.left - m.right;
  const ph = h - m.top - m.bottom;
  const steps = report.curveSteps;
  const xMax = steps[steps.length - 1] ?? 0.5;
  const x = (v: number) => m.left + (v / xMax) * pw;
  const y = (v: number) => m.top + (1 - v) * ph;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" font-family="Marianne, Arial, sans-serif" font-size="12" role="img" aria-labelledby="titre">`,
    `<title id="titre">Part des contrats en alternance captés selon la part des établissements retenus</title>`,
    `<rect width="${w}" height="${h}" fill="#ffffff"/>`,
    `<text x="${m.left}" y="24" font-size="15" font-weight="bold" fill="#161616">Contrats captés par les établissements les mieux classés</text>`,
  ];
  for (let k = 0; k <= 5; k++) {
    const v = k / 5;
    parts.push(`<line x1="${m.left}" x2="${m.left + pw}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${m.left - 8}" y="${y(v) + 4}" text-anchor="end" fill="#3a3a3a">${xml(pct(v, 0))}</text>`);
  }
  for (let k = 0; k <= 5; k++) {
    const v = (k / 5) * xMax;
    parts.push(`<line x1="${x(v)}" x2="${x(v)}" y1="${m.top}" y2="${m.top + ph}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${x(v)}" y="${m.top + ph + 18}" text-anchor="middle" fill="#3a3a3a">${xml(pct(v, 0))}</text>`);
  }
  parts.push(
    `<text x="${m.left + pw / 2}" y="${m.top + ph + 38}" text-anchor="middle" fill="#161616">Part des établissements retenus (les mieux classés d'abord)</text>`,
  );
  parts.push(
    `<text transform="translate(16 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle" fill="#161616">Part des contrats signés</text>`,
  );
  for (const v of [0.1, 0.2])
    parts.push(
      `<line x1="${x(v)}" x2="${x(v)}" y1="${m.top}" y2="${m.top + ph}" stroke="#929292" stroke-dasharray="3 3"/>`,
    );
  const series = [...report.models, ...(report.oracle ? [report.oracle] : [])];
  series.forEach((s, k) => {
    const color = COLORS[s.id] ?? "#666666";
    const points = s.curve.map((c, j) => `${x(steps[j] ?? 0).toFixed(1)},${y(c).toFixed(1)}`).join(" ");
    const dash = DASH[s.id] ? ` stroke-dasharray="${DASH[s.id]}"` : "";
    parts.push(
      `<polyline fill="none" stroke="${color}" stroke-width="${s.id === "tremplin" ? 3 : 2}"${dash} points="${points}"/>`,
    );
    const ly = m.top + ph + 56 + Math.floor(k / 2) * 18;
    const lx = m.left + (k % 2) * (pw / 2);
    parts.push(
      `<line x1="${lx}" x2="${lx + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="3"${dash}/>`,
    );
    parts.push(
      `<text x="${lx + 30}" y="${ly}" fill="#161616">${xml(`${shortLabel(s.label)} — top 20 % : ${pct(s.capture20)}`)}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("\n");
}

function shortLabel(label: string): string {
  const cut = label.indexOf(" :");
  return cut > 0 ? label.slice(0, cut) : label;
}
