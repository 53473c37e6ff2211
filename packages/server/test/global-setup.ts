import type { TestProject } from "vitest/node";
import { ensurePgliteTemplate, ensurePostgresTemplate } from "./template.js";

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: { engine: "pglite"; file: string } | { engine: "postgres"; adminUrl: string; template: string };
  }
}

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
