import { fileURLToPath } from "node:url";
import { checkBoundaries, formatViolation, type RuleName } from "./boundaries.js";

/**
 * `npm run lint` runs this after Biome: it fails on any module-boundary violation in the server
 * (rules in ./boundaries.ts, stated in docs/architecture.md) that is not in the allowlist below.
 *
 * The allowlist is debt, not policy: empty since issue 13 was paid off. Add an entry only for a
 * file being moved, with why; an entry that no longer matches anything fails the check, so the
 * list only shrinks again.
 */
const ALLOWED: { file: string; rule: RuleName; why: string }[] = [];

const srcRoot = fileURLToPath(new URL("../../src", import.meta.url));
const violations = checkBoundaries(srcRoot);
const isAllowed = (file: string, rule: RuleName) => ALLOWED.some((a) => a.file === file && a.rule === rule);

const errors = violations.filter((v) => !isAllowed(v.file, v.rule));
const stale = ALLOWED.filter((a) => !violations.some((v) => v.file === a.file && v.rule === a.rule));

for (const v of errors) console.error(formatViolation(v));
for (const a of stale) {
  console.error(`packages/server/src/${a.file}  [${a.rule}] no longer violated: remove it from the allowlist`);
}
if (errors.length > 0 || stale.length > 0) {
  console.error(
    `\nModule boundaries: ${errors.length} violation(s), ${stale.length} stale allowlist entr(y/ies). ` +
      "Rules: docs/architecture.md, « Module boundaries ».",
  );
  process.exit(1);
}
const allowedCount = new Set(ALLOWED.map((a) => a.file)).size;
console.log(
  `Module boundaries: OK (${allowedCount} file(s) still allowlisted in packages/server/test/architecture/check-boundaries.ts)`,
);
