import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app.js";
import type { AppDeps } from "../src/app-deps.js";
import { type Config, loadConfig } from "../src/config.js";
import type { DatabaseHandle } from "../src/db/connection.js";
import { ManualClock } from "../src/lib/clock.js";
import { createTestDatabase } from "./test-database.js";

export interface TestApp {
  app: FastifyInstance;
  db: DatabaseHandle;
  clock: ManualClock;
  config: Config;
  deps: AppDeps;
  close(): Promise<void>;
}

/** Configuration for tests: nothing read from the developer's environment except DATABASE_URL. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      NODE_ENV: "test",
      SESSION_SECRET: "test-secret-test-secret-test-secret-0123",
      PUBLIC_URL: "http://tremplin.test",
      DATA_DIR: "./.data/test",
      SCHEDULER: "off",
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    }),
    ...overrides,
  };
}

/** The whole application on a fresh test database, with a manual clock. */
export async function createTestApp(
  options: { config?: Partial<Config>; now?: string; db?: DatabaseHandle } = {},
): Promise<TestApp> {
  const db = options.db ?? (await createTestDatabase());
  const clock = new ManualClock(options.now ?? "2026-03-02T09:00:00.000Z");
  const config = testConfig(options.config);
  const deps: AppDeps = { config, db, clock };
  const app = await buildApp(deps, { web: false });
  await app.ready();
  return {
    app,
    db,
    clock,
    config,
    deps,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
