import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type AlgoReference, addMonths, isoOfDay, parseIsoDay } from "@tremplin/algo";
import { isTrainingOrganisationNaf } from "@tremplin/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/test-database.js";
import type { DatabaseHandle } from "../../db/connection.js";
import { AlgoDataError, resolvePeriod } from "./dataset-loader.js";
import { measureRunOutcomes } from "./outcome-service.js";
import { publishRun, rollbackPublication } from "./publication-service.js";
import { getRun } from "./runs-service.js";
import { evaluateRun, scoreRun } from "./scoring-service.js";
import { loadTestData, testRunDeps } from "./test-support.js";

let handle: DatabaseHandle;
let generated: Awaited<ReturnType<typeof loadTestData>>;
let firstRun: number;
let csv: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  await expect(scoreRun(await testRunDeps(handle), { trigger: "test" })).rejects.toThrow(AlgoDataError);
  generated = await loadTestData(handle);
  csv = path.join(await mkdtemp(path.join(tmpdir(), "algo-score-")), "scores.csv");
  firstRun = (await scoreRun(await testRunDeps(handle), { trigger: "test", outputCsv: csv })).runId;
}, 180_000);
afterAll(async () => handle?.close());

const exposedSirets = async (runId: number) =>
  (await handle.db.selectFrom("algo_exposed").select("siret").distinct().where("run_id", "=", runId).execute()).map(
    (r) => r.siret,
  );

describe("calcul des scores (algo:score)", () => {
  it("note chaque établissement ouvert, expose les meilleurs par métier et écrit le fichier d'audit", async () => {
    const run = await handle.db
      .selectFrom("algo_runs")
      .selectAll()
      .where("id", "=", firstRun)
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ kind: "score", status: "succeeded", as_of: "2026-01-01" });
    const summary = run.summary as { scored: number; exposed: { companies: number; pairs: number } };
    const scores = await handle.db
      .selectFrom("algo_scores")
      .select(["siret", "score", "predicted_hires"])
      .where("run_id", "=", firstRun)
      .execute();
    expect(scores).toHaveLength(summary.scored);
    expect(summary.exposed.companies).toBeGreaterThan(50);
    expect(summary.exposed.companies).toBeLessThan(summary.scored / 2);
    // Score = 100 · (1 − e^(−μ)), and the exposed pairs carry an explanation in French.
    for (const s of scores.slice(0, 50)) expect(s.score).toBeCloseTo(100 * (1 - Math.exp(-s.predicted_hires)), 0);
    const pairs = await handle.db.selectFrom("algo_exposed").selectAll().where("run_id", "=", firstRun).execute();
    expect(pairs).toHaveLength(summary.exposed.pairs);
    for (const p of pairs.slice(0, 50)) {
      expect(p.explanation).toMatch(/^(A recruté|A embauché|Les entreprises de son secteur)/);
      expect(p.score).toBeGreaterThanOrEqual(10);
      expect(p.source).toBe("algorithm");
    }
    const lines = (await readFile(csv, "utf8")).trim().split("\n");
    expect(lines[0]).toBe("siret;predicted_hires;score");
    expect(lines).toHaveLength(summary.scored + 1);
    expect(lines[1]).toMatch(/^\d{14};\d+\.\d{4};\d+\.\d$/);
  });

  it("note chaque établissement ouvert de l'annuaire, tranche 00 et tranche inconnue comprises", async () => {
    const missing = await sql<{ siret: string; headcount_band: string | null }>`
      select e.siret, e.headcount_band from establishments e
      where e.admin_state = 'A' and not exists (select 1 from algo_scores s where s.run_id = ${firstRun} and s.siret = e.siret)
    `.execute(handle.db);
    expect(missing.rows).toEqual([]);
    const bands = await sql<{ band: string; n: number }>`
      select coalesce(e.headcount_band, 'inconnue') as band, count(*)::int as n
      from algo_scores s join establishments e on e.siret = s.siret
      where s.run_id = ${firstRun} and (e.headcount_band is null or e.headcount_band in ('00', 'NN'))
      group by 1
    `.execute(handle.db);
    expect(bands.rows.find((r) => r.band === "00")?.n ?? 0).toBeGreaterThan(50);
  });

  it("n'expose jamais un établissement fermé, non diffusible, retiré ou organisme de formation, au calcul suivant", async () => {
    const [closed, hidden, delisted] = await exposedSirets(firstRun);
    await handle.db
      .updateTable("establishments")
      .set({ admin_state: "F" })
      .where("siret", "=", closed as string)
      .execute();
    await handle.db
      .updateTable("establishments")
      .set({ diffusion: "P" })
      .where("siret", "=", hidden as string)
      .execute();
    await handle.db
      .insertInto("algo_delistings")
      .values({ siret: delisted as string, reason: "test", origin: "admin", created_at: new Date() })
      .execute();
    const second = (await scoreRun(await testRunDeps(handle), { trigger: "test" })).runId;
    const exposed = new Set(await exposedSirets(second));
    expect(exposed.has(closed as string)).toBe(false);
    expect(exposed.has(hidden as string)).toBe(false);
    expect(exposed.has(delisted as string)).toBe(false);
    expect(exposed.size).toBeGreaterThan(50);
    const exclusions = await handle.db
      .selectFrom("algo_scores")
      .select(["siret", "exclusion"])
      .where("run_id", "=", second)
      .where("siret", "in", [hidden as string, delisted as string])
      .execute();
    expect(exclusions.map((e) => e.exclusion)).toEqual([2, 2]);
    const nafs = await sql<{ naf_code: string }>`
      select distinct e.naf_code from algo_exposed x join establishments e on e.siret = x.siret where x.run_id in (${firstRun}, ${second})
    `.execute(handle.db);
    expect(nafs.rows.filter((r) => isTrainingOrganisationNaf(r.naf_code))).toEqual([]);
    // Restore for the tests below.
    await handle.db
      .updateTable("establishments")
      .set({ admin_state: "A" })
      .where("siret", "=", closed as string)
      .execute();
  }, 120_000);

  it("couvre jusqu'à la fin du mois du dernier contrat : une observation au 1er du mois suivant est acceptée", async () => {
    // An extract whose last contract fell on the 28th: the month is still whole.
    const last = await handle.db
      .selectFrom("algo_imports")
      .select(["id", "last_day"])
      .where("source", "=", "contracts")
      .orderBy("last_day", "desc")
      .executeTakeFirstOrThrow();
    const month = (last.last_day as string).slice(0, 7);
    await handle.db
      .updateTable("algo_imports")
      .set({ last_day: `${month}-28` })
      .where("id", "=", last.id)
      .execute();
    try {
      const next = isoOfDay(addMonths(parseIsoDay(`${month}-01`), 1));
      expect(isoOfDay((await resolvePeriod(handle.db)).asOf)).toBe(next);
      expect(isoOfDay((await resolvePeriod(handle.db, next)).asOf)).toBe(next);
      expect(isoOfDay((await resolvePeriod(handle.db, `${month}-30`)).asOf)).toBe(`${month}-30`);
      await expect(resolvePeriod(handle.db, isoOfDay(parseIsoDay(next) + 1))).rejects.toThrow(
        /postérieure aux données/,
      );
    } finally {
      await handle.db.updateTable("algo_imports").set({ last_day: last.last_day }).where("id", "=", last.id).execute();
    }
  });

  it("refuse une date d'observation après les données, et n'utilise que les données antérieures", async () => {
    await expect(scoreRun(await testRunDeps(handle), { trigger: "test", asOf: "2026-06-01" })).rejects.toThrow(
      /postérieure aux données/,
    );
    const failed = await handle.db
      .selectFrom("algo_runs")
      .select(["status", "error"])
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(failed.status).toBe("failed");
    const past = await scoreRun(await testRunDeps(handle), { trigger: "test", asOf: "2025-07-01" });
    expect((past.summary as { asOf: string }).asOf).toBe("2025-07-01");
    // Contracts of the second half of 2025 were not read.
    const counts = (past.summary as { counts: { contracts: number } }).counts.contracts;
    const all = (
      await handle.db.selectFrom("algo_runs").select("summary").where("id", "=", firstRun).executeTakeFirstOrThrow()
    ).summary as { counts: { contracts: number } };
    expect(counts).toBeLessThan(all.counts.contracts);
  }, 120_000);
});

describe("prédit contre réalisé (contrats importés après un calcul)", () => {
  it("mesure la part des contrats signés par les 10 %, 20 % … mieux classés, au total, par région et par section", async () => {
    const deps = await testRunDeps(handle);
    const past = await handle.db
      .selectFrom("algo_runs")
      .select("id")
      .where("kind", "=", "score")
      .where("as_of", "=", "2025-07-01")
      .where("status", "=", "succeeded")
      .executeTakeFirstOrThrow();
    const measured = await measureRunOutcomes(handle.db, {
      reference: deps.reference as AlgoReference,
      now: new Date(),
    });
    // The runs as of the end of the data have no later contract; the one as of 2025-07-01 has 6 months.
    expect(measured.map((m) => m.runId)).toEqual([past.id]);
    const outcome = measured[0] as (typeof measured)[number];
    expect(outcome).toMatchObject({ windowStart: "2025-07-01", windowEnd: "2026-01-01", months: 6 });
    const from = parseIsoDay("2025-07-01");
    const to = parseIsoDay("2026-01-01");
    const inWindow = Array.from(generated.dataset.contracts.days).filter((d) => d >= from && d < to).length;
    const stored = await handle.db
      .selectFrom("algo_run_outcomes")
      .selectAll()
      .where("run_id", "=", past.id)
      .executeTakeFirstOrThrow();
    expect(stored.hires + stored.unscored_hires).toBe(inWindow);
    const shares = outcome.shares.overall;
    expect(shares).toHaveLength(9);
    for (let k = 1; k < shares.length; k++) expect(shares[k]).toBeGreaterThanOrEqual(shares[k - 1] as number);
    // Far better than a random order (which would give 10 %, 20 % …).
    expect(shares[0]).toBeGreaterThan(0.4);
    expect(outcome.shares.regions.reduce((s, g) => s + g.hires, 0)).toBe(stored.hires);
    expect(outcome.shares.sections.length).toBeGreaterThan(5);
    // Measured once per window: a second pass finds nothing new.
    expect(
      await measureRunOutcomes(handle.db, { reference: deps.reference as AlgoReference, now: new Date() }),
    ).toEqual([]);
    const { outcome: row } = await getRun(handle.db, past.id);
    expect(row?.window_end).toBe("2026-01-01");
  }, 120_000);
});

describe("publication et retour arrière (algo:publish, algo:rollback)", () => {
  it("bascule d'un seul coup, garde la précédente et la rétablit", async () => {
    const pointer = () =>
      handle.db.selectFrom("algo_publication").select(["active_run_id", "previous_run_id"]).executeTakeFirstOrThrow();
    const first = await publishRun(handle.db, { runId: firstRun, actor: "test", now: new Date() });
    expect(first).toMatchObject({ activeRunId: firstRun, previousRunId: null });
    expect(first.companies).toBeGreaterThan(0);
    await expect(publishRun(handle.db, { runId: firstRun, actor: "test", now: new Date() })).rejects.toMatchObject({
      code: "ALGO_RUN_ALREADY_ACTIVE",
    });
    const latest = await publishRun(handle.db, { actor: "test", now: new Date() });
    expect(latest.activeRunId).toBeGreaterThan(firstRun);
    expect(await pointer()).toEqual({ active_run_id: latest.activeRunId, previous_run_id: firstRun });
    const back = await rollbackPublication(handle.db, { actor: "test", now: new Date() });
    expect(await pointer()).toEqual({ active_run_id: firstRun, previous_run_id: latest.activeRunId });
    // The delisting recorded after the first run was computed applies to it as soon as it is shown again.
    const delisted = await handle.db.selectFrom("algo_delistings").select("siret").execute();
    const shown = new Set(await exposedSirets(firstRun));
    for (const d of delisted) expect(shown.has(d.siret)).toBe(false);
    expect(back.activeRunId).toBe(firstRun);
    const events = await handle.db.selectFrom("algo_publication_events").select("action").orderBy("id").execute();
    expect(events.map((e) => e.action)).toEqual(["publish", "publish", "rollback"]);
  });

  it("refuse de publier une évaluation, un calcul échoué ou inconnu", async () => {
    const evaluation = await evaluateRun(await testRunDeps(handle), { trigger: "test" });
    const report = await handle.db
      .selectFrom("algo_runs")
      .selectAll()
      .where("id", "=", evaluation.runId)
      .executeTakeFirstOrThrow();
    expect(report.report_md).toMatch(/Modèle Tremplin/);
    expect(report.report_svg).toMatch(/^<svg/);
    await expect(publishRun(handle.db, { runId: evaluation.runId, actor: "t", now: new Date() })).rejects.toMatchObject(
      {
        code: "ALGO_RUN_NOT_PUBLISHABLE",
      },
    );
    await expect(publishRun(handle.db, { runId: 99_999, actor: "t", now: new Date() })).rejects.toMatchObject({
      code: "ALGO_RUN_NOT_FOUND",
    });
  }, 120_000);
});

describe("algo:score --evaluate", () => {
  it("enregistre aussi l'évaluation, sur la même lecture des données", async () => {
    const before = await handle.db.selectFrom("algo_runs").select("id").execute();
    const scored = await scoreRun(await testRunDeps(handle), { trigger: "test", evaluate: {} });
    const added = await handle.db
      .selectFrom("algo_runs")
      .select(["id", "kind", "status", "as_of", "report_md"])
      .where(
        "id",
        "not in",
        before.map((r) => r.id),
      )
      .orderBy("id")
      .execute();
    expect(added.map((r) => [r.kind, r.status, r.as_of])).toEqual([
      ["score", "succeeded", "2026-01-01"],
      ["evaluate", "succeeded", "2026-01-01"],
    ]);
    expect(added[1]?.report_md).toMatch(/Modèle Tremplin/);
    expect(scored.runId).toBe(added[0]?.id);
  }, 120_000);
});
