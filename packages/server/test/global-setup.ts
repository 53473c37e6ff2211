import type { TestProject } from "vitest/node";
import "./test-database.js";
import { ensurePgliteTemplate, ensurePostgresTemplate } from "./template.js";

/** Builds (or reuses) the template database every test file clones. */
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = await ensurePostgresTemplate(url);
    project.provide("databaseTemplate", { engine: "postgres", adminUrl: url, template });
  } else {
    project.provide("databaseTemplate", { engine: "pglite", file: await ensurePgliteTemplate() });
  }
}
