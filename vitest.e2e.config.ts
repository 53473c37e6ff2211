import { defineConfig } from "vitest/config";

/**
 * Browser journeys: the built web app served by the real server (started once by the global
 * setup), driven through Debian's Chromium. Run with `npm run test:e2e`, which builds first.
 */
export default defineConfig({
  test: {
    include: ["packages/web/e2e/**/*.e2e.ts"],
    globalSetup: ["packages/web/e2e/support/global-setup.ts"],
    // One Chromium at a time: journeys share one server and this machine has two cores.
    fileParallelism: false,
    pool: "forks",
    testTimeout: 60_000,
    // A first start migrates and loads reference data (20–30 s alone, minutes on a busy machine):
    // the global setup and the journeys that start a server of their own wait that long.
    hookTimeout: 480_000,
    env: { NODE_ENV: "test" },
  },
});
