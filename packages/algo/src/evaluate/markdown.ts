import { dec, int, pct } from "./format.js";
import type { EvaluationReport, GroupMetrics, ModelMetrics } from "./report.js";
import type { TopSharesTable } from "./top-shares.js";

/**
 * La Bonne Boîte's measure as Markdown: per model overall, then Tremplin's per région and section.
 * Shared with the "predicted vs realised" report of a scoring run (without `models`).
 */
export function topSharesMarkdown(
  table: TopSharesTable & { byModel?: Record<string, number[]> },
  models: { id: string; label: string }[] = [],
  title = "Part des contrats signés par les établissements les mieux classés (mesure de La Bonne Boîte)",
): string[] {
  const head = `| ${table.steps.map((s) => `Top ${Math.round(s * 100)} %`).join(" | ")} |`;
  const align = `| ${table.steps.map(() => "---:").join(" | ")} |`;
  const row = (shares: number[]) => `| ${shares.map((x) => pct(x)).join(" | ")} |`;
  const out = [`## ${title}`, ""];
  const byModel = table.byModel;
  if (byModel && models.length > 0) {
    out.push(`| Modèle ${head}`, `| --- ${align}`);
    for (const m of models) if (byModel[m.id]) out.push(`| ${m.label} ${row(byModel[m.id] as number[])}`);
  } else {
    out.push(
      `| Ensemble ${head}`,
      `| --- ${align}`,
      `| ${int(table.establishments)} établissements, ${int(table.hires)} contrats ${row(table.overall)}`,
    );
  }
  for (const [name, groups] of [
    ["région", table.regions],
    ["section NAF", table.sections],
  ] as const) {
    out.push(
      "",
      `### Par ${name}${byModel ? " (modèle Tremplin)" : ""}`,
      "",
      `| ${name} | Établissements | Contrats ${head}`,
      `| --- | ---: | ---: ${align}`,
    );
    for (const g of groups)
      out.push(`| ${g.code} ${g.label} | ${int(g.establishments)} | ${int(g.hires)} ${row(g.shares)}`);
  }
  out.push("");
  return out;
}

/** The report as Markdown (French), for the admin UI and docs/algorithm.md. */
export function renderReportMarkdown(report: EvaluationReport, chartFile?: string): string {
  const all: ModelMetrics[] = [...report.models, ...(report.oracle ? [report.oracle] : [])];
  const lines: string[] = [`# ${report.title}`, ""];
  if (report.createdAt) lines.push(`Produit le ${report.createdAt}.`, "");
  if (report.scenario)
    lines.push(
      `Données **générées** (fictives), scénario « ${report.scenario.name} » : ${report.scenario.description}`,
      "",
    );
  const p = report.protocol;
  lines.push(
    "## Protocole",
    "",
    `- Données du ${report.data.coverageStart} au ${report.data.coverageEnd} : ${int(report.data.establishments)} établissements, ${int(report.data.contracts)} contrats en alternance, ${int(report.data.otherHires)} autres embauches.`,
    `- Apprentissage sur des photographies au ${p.trainingAsOf.join(" et au ")} (cibles : contrats des 6 mois suivants, aucune postérieure au ${p.evaluationAsOf}) ; ${p.halfYears} semestres d'historique ; ${int(p.trainingRows)} lignes pour les arbres.`,
    `- Évaluation : variables au ${p.evaluationAsOf}, contrats réels du ${p.evaluationAsOf} au ${p.evaluationEnd} ; ${int(report.data.evaluated)} établissements ouverts, ${int(report.data.actualHires)} contrats.`,
    "",
    "## Résultats",
    "",
    "| Modèle | Top 10 % | Top 20 % | Précision top 1 % | top 5 % | top 10 % | Déviance de Poisson | Total prédit |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const m of all)
    lines.push(
      `| ${m.label} | ${pct(m.capture10)} | ${pct(m.capture20)} | ${pct(m.precision1)} | ${pct(m.precision5)} | ${pct(m.precision10)} | ${dec(m.deviance)} | ${int(m.totalPredicted)} |`,
    );
  lines.push(
    "",
    "*Top 10 % / 20 %* : part des contrats réellement signés par les 10 % / 20 % d'établissements les mieux classés. *Précision* : part des établissements retenus qui ont signé au moins un contrat.",
    "",
  );
  if (report.gapClosed)
    lines.push(
      `**Écart comblé** entre la référence B et l'oracle par le modèle Tremplin : ${pct(report.gapClosed.capture10, 0)} (top 10 %), ${pct(report.gapClosed.capture20, 0)} (top 20 %), ${pct(report.gapClosed.deviance, 0)} (déviance).`,
      "",
    );
  lines.push(
    report.beatsBaselines
      ? "Le modèle Tremplin fait mieux que les deux références sur les trois critères."
      : "**Attention : le modèle Tremplin ne bat pas les deux références sur les trois critères.**",
    "",
  );
  if (chartFile) lines.push(`![Courbes de captation](${chartFile})`, "");
  lines.push(
    "## Calibration par décile de prédiction (moyennes prédite / réelle)",
    "",
    `| Décile | ${all.map((m) => m.id).join(" | ")} |`,
    `| --- | ${all.map(() => "---:").join(" | ")} |`,
  );
  for (let d = 9; d >= 0; d--)
    lines.push(
      `| ${d + 1} | ${all.map((m) => `${dec(m.calibration[d]?.meanPredicted ?? 0, 3)} / ${dec(m.calibration[d]?.meanActual ?? 0, 3)}`).join(" | ")} |`,
    );
  lines.push(
    "",
    ...groupTable("Par région (top 20 % dans la région)", report.regions, all),
    ...groupTable("Par section NAF (top 20 % dans la section)", report.sections, all),
  );
  lines.push(...topSharesMarkdown(report.topShares, all));
  lines.push(
    "## Variables les plus utiles au modèle Tremplin (part du gain des arbres)",
    "",
    "| Variable | Part |",
    "| --- | ---: |",
  );
  for (const v of report.importance) lines.push(`| ${v.feature} | ${pct(v.share)} |`);
  lines.push("");
  return lines.join("\n");
}

function groupTable(title: string, groups: GroupMetrics[], models: ModelMetrics[]): string[] {
  const out = [
    `## ${title}`,
    "",
    `| Groupe | Établissements | Contrats | ${models.map((m) => m.id).join(" | ")} |`,
    `| --- | ---: | ---: | ${models.map(() => "---:").join(" | ")} |`,
  ];
  for (const g of groups)
    out.push(
      `| ${g.code} ${g.label} | ${int(g.establishments)} | ${int(g.hires)} | ${models.map((m) => pct(g.byModel[m.id]?.capture20 ?? 0)).join(" | ")} |`,
    );
  out.push("");
  return out;
}
