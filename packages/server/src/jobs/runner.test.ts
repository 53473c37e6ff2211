import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/test-database.js";
import type { DatabaseHandle } from "../db/connection.js";
import type { JobContext, JobDefinition } from "./job.js";
import { runJob } from "./runner.js";
import { tryLockJob, unlockJob } from "./runs-repository.js";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle?.close());

// The jobs below use neither config nor mailer.
const context = { config: {}, mailer: {}, log: () => {} } as unknown as Omit<JobContext, "db" | "now">;
const asOf = new Date("2026-03-02T09:00:00.000Z");

const job = (name: string, run: JobDefinition["run"]): JobDefinition => ({
  name,
  description: "test",
  schedule: "0 0 * * *",
  run,
});

const runsOf = (name: string) =>
  handle.db.selectFrom("job_runs").selectAll().where("job", "=", name).orderBy("id").execute();

describe("runJob", () => {
  it("records a run that succeeds with its summary, and one that fails with its error", async () => {
    const ok = await runJob(
      job("test:ok", async () => ({ done: 3 })),
      { ...context, now: asOf },
      handle,
      "test",
    );
    expect(ok).toEqual({ status: "succeeded", summary: { done: 3 } });
    const [okRun] = await runsOf("test:ok");
    expect(okRun).toMatchObject({ trigger: "test", status: "succeeded", summary: { done: 3 }, error: null });
    expect(new Date(okRun?.as_of as Date).toISOString()).toBe(asOf.toISOString());
    expect(okRun?.finished_at).not.toBeNull();

    const failing = job("test:fails", async () => {
      throw new Error("plus de place");
    });
    const failed = await runJob(failing, { ...context, now: asOf }, handle, "cli");
    expect(failed).toEqual({ status: "failed", error: "plus de place" });
    const [failedRun] = await runsOf("test:fails");
    expect(failedRun).toMatchObject({ trigger: "cli", status: "failed", error: "plus de place", summary: null });
    expect(failedRun?.finished_at).not.toBeNull();
  });

  it.runIf(process.env.DATABASE_URL)(
    "skips, and records why, a job whose lock another instance holds (PostgreSQL)",
    async () => {
      let ran = false;
      const busy = job("test:busy", async () => {
        ran = true;
        return {};
      });
      const outcome = await handle.db.connection().execute(async (otherInstance) => {
        expect(await tryLockJob(otherInstance, "test:busy")).toBe(true);
        try {
          return await runJob(busy, { ...context, now: asOf }, handle, "schedule");
        } finally {
          await unlockJob(otherInstance, "test:busy");
        }
      });
      expect(outcome).toEqual({ status: "skipped" });
      expect(ran).toBe(false);
      const [skipped] = await runsOf("test:busy");
      expect(skipped).toMatchObject({
        trigger: "schedule",
        status: "skipped",
        summary: { reason: "déjà en cours sur une autre instance" },
      });
      // Released: the next run goes ahead.
      const next = await runJob(busy, { ...context, now: asOf }, handle, "schedule");
      expect(next.status).toBe("succeeded");
      expect(ran).toBe(true);
    },
  );
});
