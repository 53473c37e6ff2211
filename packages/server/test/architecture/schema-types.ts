import { fileURLToPath } from "node:url";
import { type Kysely, sql } from "kysely";
import ts from "typescript";
import type { Database } from "../../src/db/database.js";

/**
 * The table types in `src/db/tables/*.ts` are written by hand beside the migrations' SQL; this
 * compares them with the live schema so that neither drifts: a table or column present on one side
 * only, or a column whose nullability differs (`is_nullable` against `| null` in the type Kysely
 * selects), is a difference.
 */

/** table → column → nullable, or NOT_COMPARED (a generated column, a column typed `unknown`) */
export type SchemaShape = Map<string, Map<string, boolean | typeof NOT_COMPARED>>;
export const NOT_COMPARED = "not compared" as const;

const databaseFile = fileURLToPath(new URL("../../src/db/database.ts", import.meta.url));

/** Kysely's own bookkeeping tables, not part of `Database`. */
const IGNORED_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);

/** The `Database` interface as the compiler sees it: tables, columns, and whether a selected value may be null. */
export function typedSchema(): SchemaShape {
  const program = ts.createProgram([databaseFile], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(databaseFile);
  if (!source) throw new Error(`cannot read ${databaseFile}`);
  const declaration = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "Database",
  );
  if (!declaration) throw new Error("no `interface Database` in db/database.ts");
  const database = checker.getTypeAtLocation(declaration);
  const shape: SchemaShape = new Map();
  for (const table of checker.getPropertiesOfType(database)) {
    const tableType = checker.getTypeOfSymbol(table);
    const columns = new Map<string, boolean | typeof NOT_COMPARED>();
    for (const column of checker.getPropertiesOfType(tableType)) {
      let type = checker.getTypeOfSymbol(column);
      // ColumnType<S, I, U> and Generated<S> carry the selected type in `__select__`.
      const selected = type.getProperty("__select__");
      if (selected) type = checker.getTypeOfSymbol(selected);
      const parts = type.isUnion() ? type.types : [type];
      // `unknown` (JSON read as is) says nothing about null: not compared.
      const opaque = parts.some((t) => (t.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) !== 0);
      columns.set(column.name, opaque ? NOT_COMPARED : parts.some((t) => (t.flags & ts.TypeFlags.Null) !== 0));
    }
    shape.set(table.name, columns);
  }
  return shape;
}

/** Tables and views of the `public` schema as the database has them. */
export async function liveSchema(db: Kysely<Database>): Promise<SchemaShape> {
  const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: string; is_generated: string }>`
    select c.table_name, c.column_name, c.is_nullable, c.is_generated
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public'
    order by c.table_name, c.ordinal_position`.execute(db);
  const shape: SchemaShape = new Map();
  for (const row of rows) {
    if (IGNORED_TABLES.has(row.table_name)) continue;
    const columns = shape.get(row.table_name) ?? new Map<string, boolean | typeof NOT_COMPARED>();
    shape.set(row.table_name, columns);
    // A generated column is reported nullable whatever its expression yields: its type decides.
    columns.set(row.column_name, row.is_generated === "ALWAYS" ? NOT_COMPARED : row.is_nullable === "YES");
  }
  return shape;
}

/** Every disagreement, one line each, sorted (empty when the types match the schema). */
export function schemaDifferences(live: SchemaShape, typed: SchemaShape): string[] {
  const out: string[] = [];
  for (const [table, columns] of live) {
    const typedColumns = typed.get(table);
    if (!typedColumns) {
      out.push(`table ${table}: in the database, missing from db/tables/*.ts`);
      continue;
    }
    for (const [column, nullable] of columns) {
      const typedNullable = typedColumns.get(column);
      if (typedNullable === undefined) out.push(`column ${table}.${column}: in the database, missing from the type`);
      else if (nullable !== NOT_COMPARED && typedNullable !== NOT_COMPARED && typedNullable !== nullable) {
        out.push(
          `column ${table}.${column}: ${nullable ? "nullable" : "not null"} in the database, ` +
            `${typedNullable ? "| null" : "never null"} in the type`,
        );
      }
    }
    for (const column of typedColumns.keys()) {
      if (!columns.has(column)) out.push(`column ${table}.${column}: in the type, not in the database`);
    }
  }
  for (const table of typed.keys()) {
    if (!live.has(table)) out.push(`table ${table}: in db/tables/*.ts, not in the database`);
  }
  return out.sort();
}
