import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/connection.js";
import { createTestDatabase } from "../test-database.js";
import { liveSchema, type SchemaShape, schemaDifferences, typedSchema } from "./schema-types.js";

let handle: DatabaseHandle;
let typed: SchemaShape;
beforeAll(async () => {
  handle = await createTestDatabase();
  typed = typedSchema();
});
afterAll(() => handle?.close());

describe("db/tables/*.ts against the migrated schema", () => {
  it("has every table and column of the database, with the same nullability, and nothing else", async () => {
    expect(schemaDifferences(await liveSchema(handle.db), typed)).toEqual([]);
  });

  it("catches a column added by a migration but not to the types, a column dropped, a nullability change", async () => {
    await sql`alter table offers add column planted_by_test text`.execute(handle.db);
    await sql`alter table offers drop column rhythm`.execute(handle.db);
    await sql`alter table offers alter column siret drop not null`.execute(handle.db);
    await sql`create table planted_table (id int primary key)`.execute(handle.db);
    expect(schemaDifferences(await liveSchema(handle.db), typed)).toEqual([
      "column offers.planted_by_test: in the database, missing from the type",
      "column offers.rhythm: in the type, not in the database",
      "column offers.siret: nullable in the database, never null in the type",
      "table planted_table: in the database, missing from db/tables/*.ts",
    ]);
  });
});
