import { fileURLToPath } from "node:url";
import { checkBoundaries, formatViolation, type RuleName } from "./boundaries.js";

/**
 * `npm run lint` runs this after Biome: it fails on any module-boundary violation in the server
 * (rules in ./boundaries.ts, stated in docs/architecture.md) that is not in the allowlist below.
 *
 * The allowlist is debt, not policy: each entry is a file still being moved (issue 13) and says
 * why it is not done yet. An entry that no longer matches anything fails the check too, so the
 * list only shrinks.
 */
const ALLOWED: { file: string; rule: RuleName; why: string }[] = [
  // CLI and jobs infrastructure
  { file: "cli/commands-users.ts", rule: "foreign-repository", why: "users:create to call an accounts service" },
  { file: "cli/commands-users.ts", rule: "query-outside-repository", why: "users:create to call an accounts service" },
  {
    file: "jobs/runner.ts",
    rule: "query-outside-repository",
    why: "job_runs queries to move to jobs/runs-repository.ts",
  },
  // accounts
  { file: "modules/accounts/opco-digest-job.ts", rule: "query-outside-repository", why: "digest queries to move" },
  // diffusion (hardening helper editing feeds, webhooks and SEO)
  { file: "modules/diffusion/api-keys.ts", rule: "query-outside-repository", why: "no api_keys repository yet" },
  { file: "modules/diffusion/seo-routes.ts", rule: "query-outside-repository", why: "SEO service + presenters" },
  { file: "modules/diffusion/webhook-worker.ts", rule: "query-outside-repository", why: "no webhooks repository yet" },
  {
    file: "modules/diffusion/webhooks-service.ts",
    rule: "query-outside-repository",
    why: "no webhooks repository yet",
  },
  // new files of helpers working now (identity, hire loop): to move into their repositories
  { file: "modules/accounts/intermediary-reports.ts", rule: "query-outside-repository", why: "in flight" },
];

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
