import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, whatever the working directory of the test run. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/** Screenshots, server logs and other evidence of a run (git-ignored). */
export const testResultsDir = path.join(repoRoot, "test-results");

export const webDistDir = path.join(repoRoot, "packages", "web", "dist");
