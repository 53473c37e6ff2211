import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "bench/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**", "packages/web/e2e/**"],
    globalSetup: ["packages/server/test/global-setup.ts"],
    pool: "forks",
    // Each test file opens its own database; two at a time suits this 2-core machine.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 180_000,
    env: { NODE_ENV: "test" },
  },
});
