import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (where the workspace package.json and data/ live), whatever the cwd. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

export const referenceDataDir = path.join(repoRoot, "data", "reference");
export const webDistDir = path.join(repoRoot, "packages", "web", "dist");

/** Resolves a user-given path against the repository root (npm workspaces change the cwd). */
export function resolveFromRoot(p: string): string {
  return path.isAbsolute(p) ? p : path.resolve(repoRoot, p);
}

if (!existsSync(path.join(repoRoot, "package.json"))) {
  throw new Error(`Repository root not found from ${import.meta.url}`);
}
