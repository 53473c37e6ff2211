import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { checkBoundaries, formatViolation } from "./boundaries.js";

/** A throwaway `src` tree with the given files. */
function plant(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "boundaries-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  trees.push(root);
  return root;
}
const trees: string[] = [];
afterEach(() => {
  for (const root of trees.splice(0)) rmSync(root, { recursive: true, force: true });
});

const cleanTree = {
  "modules/offers/repository.ts":
    'export const findOffer = (db: any, id: string) => db.selectFrom("offers").where("id", "=", id);\n',
  "modules/offers/service.ts":
    'import { findOffer } from "./repository.js";\nexport const offer = (db: any, id: string) => findOffer(db, id);\n',
  "modules/applications/service.ts":
    'import { offer } from "../offers/service.js";\nexport const apply = (db: any) => db.transaction().execute((trx: any) => offer(trx, "1"));\n',
  "db/migrations/0001-init.ts":
    'import { sql } from "kysely";\nexport const up = (db: any) => sql`create table t ()`.execute(db);\n',
  "imports/sirene/loader.ts": 'export const load = (db: any) => db.insertInto("companies").values([]);\n',
  "demo/offers.ts": 'import { findOffer } from "../modules/offers/repository.js";\nexport const seed = findOffer;\n',
  "modules/offers/posting.test.ts": 'export const t = (db: any) => db.deleteFrom("offers");\n',
};

describe("module boundary check", () => {
  it("accepts a tree that keeps the rules (transactions in services, SQL in repositories, db/, imports/, demo/, tests)", () => {
    expect(checkBoundaries(plant(cleanTree))).toEqual([]);
  });

  it("names the file, the line and the rule of a module importing another module's repository", () => {
    const root = plant({
      ...cleanTree,
      "modules/applications/target.ts":
        '// the offer an application is for\n\nimport { findOffer } from "../offers/repository.js";\nexport const target = findOffer;\n',
    });
    const violations = checkBoundaries(root);
    expect(violations).toMatchObject([{ file: "modules/applications/target.ts", line: 3, rule: "foreign-repository" }]);
    expect(violations.map((v) => formatViolation(v))).toEqual([
      'packages/server/src/modules/applications/target.ts:3  [foreign-repository] module "applications" imports ' +
        'modules/offers/repository.ts: ask module "offers" through its service',
    ]);
  });

  it("fails on a repository imported from outside the modules (CLI), and on a re-export or dynamic import", () => {
    const root = plant({
      ...cleanTree,
      "cli/commands-users.ts": 'export { findOffer } from "../modules/offers/repository.js";\n',
      "modules/reports/service.ts": 'export const later = () => import("../offers/search-repository.js");\n',
    });
    expect(checkBoundaries(root).map((v) => `${v.file}:${v.line} ${v.rule}`)).toEqual([
      "cli/commands-users.ts:1 foreign-repository",
      "modules/reports/service.ts:1 foreign-repository",
    ]);
  });

  it("fails on a module importing from an importer's folder", () => {
    const root = plant({
      ...cleanTree,
      "imports/reference/report.ts": "export class ProgressReporter {}\n",
      "modules/algo-companies/scoring-service.ts":
        'import { ProgressReporter } from "../../imports/reference/report.js";\n',
    });
    expect(checkBoundaries(root)).toMatchObject([
      { file: "modules/algo-companies/scoring-service.ts", line: 1, rule: "importer-folder" },
    ]);
  });

  it("fails on query building and sql templates in a route or a service, not on a transaction", () => {
    const root = plant({
      ...cleanTree,
      "modules/offers/routes.ts": [
        'import { sql } from "kysely";',
        "export const ping = (db: any) => sql`select 1`.execute(db);",
        "export const inline = (db: any) =>",
        '  db.updateTable("offers").set({ status: "closed" }).execute();',
        "export const tx = (db: any) => db.transaction().execute(async () => 1);",
        "",
      ].join("\n"),
    });
    expect(checkBoundaries(root).map((v) => `${v.file}:${v.line} ${v.rule} ${v.message.split(" ")[0]}`)).toEqual([
      "modules/offers/routes.ts:2 query-outside-repository sql`…`",
      "modules/offers/routes.ts:4 query-outside-repository .updateTable(…)",
    ]);
  });

  it("fails on a route file importing a repository, even its own module's", () => {
    const root = plant({
      ...cleanTree,
      "modules/offers/routes.ts": 'import { findOffer } from "./repository.js";\nexport const r = findOffer;\n',
      "modules/offers/admin-routes.ts": 'import { offer } from "./service.js";\nexport const r = offer;\n',
    });
    expect(checkBoundaries(root).map((v) => `${v.file}:${v.line} ${v.rule}`)).toEqual([
      "modules/offers/routes.ts:1 repository-in-route",
    ]);
  });

  it("fails on a service or repository importing from http/ (routes may)", () => {
    const root = plant({
      ...cleanTree,
      "http/app-error.ts": "export class AppError extends Error {}\n",
      "modules/offers/lifecycle-service.ts":
        'import { AppError } from "../../http/app-error.js";\nexport const e = AppError;\n',
      "modules/offers/routes.ts": 'import { AppError } from "../../http/app-error.js";\nexport const e = AppError;\n',
    });
    expect(checkBoundaries(root).map((v) => `${v.file}:${v.line} ${v.rule}`)).toEqual([
      "modules/offers/lifecycle-service.ts:1 http-in-service",
    ]);
  });

  it("fails on module-level state (a listener set, a counter) unless read-only or documented as a cache", () => {
    const root = plant({
      ...cleanTree,
      "modules/offers/published.ts": [
        "export const listeners = new Set<() => void>();",
        "let published = 0;",
        "const pending: string[] = [];",
        'const SAFE: ReadonlySet<string> = new Set(["GET"]);',
        'const ORDER = ["a", "b"];',
        "/** Cache of the reference tables, loaded once. */",
        "let reference: Promise<unknown> | undefined;",
        "// Process-wide on purpose: runs of this process.",
        "const running = new Map<string, number>();",
        "let lazy: ReadonlySet<string> | undefined;",
        "export const count = () => published + pending.length + SAFE.size + ORDER.length + running.size;",
        "export const f = () => { const local = new Set(); let n = 0; return [local, n, reference, lazy]; };",
        "",
      ].join("\n"),
    });
    expect(checkBoundaries(root).map((v) => `${v.file}:${v.line} ${v.rule} ${v.message.split(" ")[0]}`)).toEqual([
      'modules/offers/published.ts:1 module-state "listeners"',
      'modules/offers/published.ts:2 module-state "published"',
      'modules/offers/published.ts:3 module-state "pending"',
      'modules/offers/published.ts:10 module-state "lazy"',
    ]);
  });

  it("passes on the real server tree with its allowlist (npm run lint)", async () => {
    const script = fileURLToPath(new URL("./check-boundaries.ts", import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", script]);
    expect(stdout).toContain("Module boundaries: OK");
  });
});
