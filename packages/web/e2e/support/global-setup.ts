import { existsSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { webDistDir } from "./paths.js";
import { startServer } from "./server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared server every journey talks to, e.g. http://127.0.0.1:41234. */
    baseUrl: string;
  }
}

/**
 * Environment of the shared server, on top of startServer's defaults. E2E_SERVER_ENV (JSON) adds
 * to it for one run; fixtures started here (an SMTP receiver…) add their variables here too.
 */
function sharedServerEnv(): Record<string, string> {
  const fromRun = process.env.E2E_SERVER_ENV;
  return fromRun ? (JSON.parse(fromRun) as Record<string, string>) : {};
}

/**
 * Starts the real server once for all journeys, and stops it (SIGTERM) at the end.
 * E2E_BASE_URL runs the journeys against a server already running instead (quicker while writing
 * a journey; that server's data is then shared and kept).
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const existing = process.env.E2E_BASE_URL;
  if (existing) {
    project.provide("baseUrl", existing.replace(/\/+$/, ""));
    return undefined;
  }
  if (!existsSync(path.join(webDistDir, "index.html"))) {
    throw new Error("The web app is not built: run « npm run test:e2e » (it builds first) or « npm run build:web ».");
  }
  const server = await startServer({ label: "shared", env: sharedServerEnv() });
  project.provide("baseUrl", server.url);
  return () => server.stop();
}
