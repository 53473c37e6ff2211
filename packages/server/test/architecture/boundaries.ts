import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/**
 * The module boundaries of `packages/server/src`, checked by `npm run lint`
 * (see docs/architecture.md, "Module boundaries", and ADR 016):
 *
 * - `foreign-repository`: a file of `modules/<a>/` imports a repository (`*repository*.ts`) of another
 *   module `modules/<b>/`, or a file outside `modules/` (CLI, jobs, HTTP…) imports any module's
 *   repository. Modules ask each other's services; read-only joins across modules go in a named
 *   read-model repository of the module that reads them.
 * - `importer-folder`: a file of `modules/` imports from `imports/` (importers are batch tools that
 *   use modules, not the other way round; what both need lives in `lib/` or the owning module).
 * - `query-outside-repository`: Kysely query building (`selectFrom`, `insertInto`, `updateTable`,
 *   `deleteFrom`, `mergeInto`, `replaceInto`, a `sql` template) outside a repository. Allowed in
 *   `*repository*.ts`, `db/`, `imports/`, `demo/`, tests and fixtures. A service opens a transaction
 *   (`db.transaction().execute(…)`) and hands it to repositories: that is not query building.
 * - `repository-in-route`: a route file (`*route*.ts`) imports a repository, even its own module's.
 *   Routes are thin: they validate (the contract does), call a service and present; SQL is reached
 *   through services, so that a job or the CLI doing the same thing goes through the same rules.
 * - `http-in-service`: a service or a repository (`*service*.ts`, `*repository*.ts`) imports from
 *   `http/`. Services are called by routes, jobs and the CLI alike: what they share with HTTP code
 *   (`AppError`, `Principal`) lives in `lib/`, and requests, replies and cookies stay in routes.
 * - `module-state`: a top-level `let` or `var`, or a top-level `const` holding a fresh object to fill
 *   (`new Map()`, `new Set()`, `[]`, `{}`…): state shared by every app, job run and test of the
 *   process, which is how reactions once piled up per app. What a module needs per app is built by
 *   the composition root (services.ts). Allowed when the declaration is typed read-only
 *   (`ReadonlySet<…>`, `readonly T[]`…) or its comment says why it is kept: a cache (the word
 *   "cache") or process-wide on purpose (the words "process-wide").
 */

export type RuleName =
  | "foreign-repository"
  | "importer-folder"
  | "query-outside-repository"
  | "repository-in-route"
  | "http-in-service"
  | "module-state";

export interface Violation {
  /** Path relative to the scanned `src` folder, with forward slashes. */
  file: string;
  line: number;
  rule: RuleName;
  message: string;
}

const QUERY_METHODS = new Set(["selectFrom", "insertInto", "updateTable", "deleteFrom", "mergeInto", "replaceInto"]);

const isTestFile = (file: string) => /\.(test|fixture)\.ts$/.test(file) || file.includes("test-support");
const isRepositoryFile = (file: string) => /repository[^/]*\.ts$/.test(file.split("/").pop() ?? "");
const isRouteFile = (file: string) => /route[^/]*\.ts$/.test(file.split("/").pop() ?? "");
const isServiceOrRepository = (file: string) => /(service|repository)[^/]*\.ts$/.test(file.split("/").pop() ?? "");
const moduleOf = (file: string) => /^modules\/([^/]+)\//.exec(file)?.[1] ?? null;

/** Folders (relative to src) where query building is at home. */
const QUERY_FOLDERS = ["db/", "imports/", "demo/"];

export function mayBuildQueries(file: string): boolean {
  return isRepositoryFile(file) || isTestFile(file) || QUERY_FOLDERS.some((folder) => file.startsWith(folder));
}

function listTypeScriptFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "fixtures") walk(path);
      } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) files.push(path);
    }
  };
  walk(root);
  return files.sort();
}

/** Module specifiers of static imports/exports and dynamic `import("…")`, with their line. */
function importsOf(source: ts.SourceFile): { specifier: string; line: number }[] {
  const found: { specifier: string; line: number }[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ specifier: node.moduleSpecifier.text, line: lineOf(node) });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Query-building expressions: `x.selectFrom(…)` and friends, and `sql` tagged templates. */
function queriesOf(source: ts.SourceFile): { what: string; line: number }[] {
  const found: { what: string; line: number }[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      QUERY_METHODS.has(node.expression.name.text)
    ) {
      found.push({ what: `.${node.expression.name.text}(…)`, line: lineOf(node.expression.name) });
    } else if (ts.isTaggedTemplateExpression(node)) {
      const tag = node.tag;
      const root = ts.isPropertyAccessExpression(tag) ? tag.expression : tag;
      if (ts.isIdentifier(root) && root.text === "sql") found.push({ what: "sql`…`", line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Top-level mutable bindings and fresh objects to fill, unless typed read-only or documented. */
function moduleStateOf(source: ts.SourceFile): { name: string; line: number }[] {
  const found: { name: string; line: number }[] = [];
  const text = source.getFullText();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const comments = (ts.getLeadingCommentRanges(text, statement.pos) ?? [])
      .map((range) => text.slice(range.pos, range.end))
      .join("\n");
    if (/cache|process-wide/i.test(comments)) continue;
    const mutableBinding = (statement.declarationList.flags & (ts.NodeFlags.Const | ts.NodeFlags.Using)) === 0;
    for (const declaration of statement.declarationList.declarations) {
      const type = declaration.type?.getText(source) ?? "";
      if (!mutableBinding && /^(Readonly|readonly )/.test(type)) continue;
      const init = declaration.initializer;
      const freshObject =
        init !== undefined &&
        (ts.isNewExpression(init) ||
          (ts.isArrayLiteralExpression(init) && init.elements.length === 0) ||
          (ts.isObjectLiteralExpression(init) && init.properties.length === 0));
      if (mutableBinding || freshObject) {
        found.push({
          name: declaration.name.getText(source),
          line: source.getLineAndCharacterOfPosition(declaration.getStart(source)).line + 1,
        });
      }
    }
  }
  return found;
}

/** The path (relative to src) an import points to, or null for packages. */
function resolveRelative(srcRoot: string, file: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const absolute = resolve(dirname(join(srcRoot, file)), specifier).replace(/\.js$/, ".ts");
  const rel = relative(srcRoot, absolute).split(sep).join("/");
  return rel.endsWith(".ts") ? rel : `${rel}.ts`;
}

export function checkFile(srcRoot: string, file: string, text: string): Violation[] {
  const violations: Violation[] = [];
  if (isTestFile(file)) return violations;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const ownModule = moduleOf(file);
  const outsideModulesMayImportRepositories = mayBuildQueries(file);

  for (const { specifier, line } of importsOf(source)) {
    const target = resolveRelative(srcRoot, file, specifier);
    if (!target) continue;
    const targetModule = moduleOf(target);
    if (targetModule && isRepositoryFile(target)) {
      const foreign = ownModule ? targetModule !== ownModule : !outsideModulesMayImportRepositories;
      if (foreign) {
        violations.push({
          file,
          line,
          rule: "foreign-repository",
          message: ownModule
            ? `module "${ownModule}" imports ${target}: ask module "${targetModule}" through its service`
            : `${target} is imported from outside its module: call module "${targetModule}"'s service`,
        });
      }
    }
    if (isRouteFile(file) && isRepositoryFile(target)) {
      violations.push({
        file,
        line,
        rule: "repository-in-route",
        message: `route file imports ${target}: call a service of module "${targetModule ?? "?"}" instead`,
      });
    }
    if (ownModule && isServiceOrRepository(file) && target.startsWith("http/")) {
      violations.push({
        file,
        line,
        rule: "http-in-service",
        message: `${file} imports ${target}: services take what HTTP code shares with them from lib/`,
      });
    }
    if (ownModule && target.startsWith("imports/")) {
      violations.push({
        file,
        line,
        rule: "importer-folder",
        message: `module "${ownModule}" imports ${target}: move what it needs to lib/ or to the owning module`,
      });
    }
  }

  for (const { name, line } of moduleStateOf(source)) {
    violations.push({
      file,
      line,
      rule: "module-state",
      message: `"${name}" is module-level state: build it per app in services.ts, type it read-only, or say in its comment why it is a cache or process-wide`,
    });
  }

  if (!mayBuildQueries(file)) {
    for (const { what, line } of queriesOf(source)) {
      violations.push({
        file,
        line,
        rule: "query-outside-repository",
        message: `${what} outside a repository: move the query into a *repository*.ts of the owning module`,
      });
    }
  }
  return violations;
}

/** Every violation under `srcRoot` (the server's `src`), in file then line order. */
export function checkBoundaries(srcRoot: string): Violation[] {
  return listTypeScriptFiles(srcRoot).flatMap((absolute) => {
    const file = relative(srcRoot, absolute).split(sep).join("/");
    return checkFile(srcRoot, file, readFileSync(absolute, "utf8"));
  });
}

export const formatViolation = (v: Violation, prefix = "packages/server/src/") =>
  `${prefix}${v.file}:${v.line}  [${v.rule}] ${v.message}`;
