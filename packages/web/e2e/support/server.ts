import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { createFreshDatabase } from "./database.js";
import { repoRoot, testResultsDir } from "./paths.js";

export interface StartServerOptions {
  /** Extra or overriding environment for the server process (SMTP_URL…); undefined removes a variable. */
  env?: Record<string, string | undefined>;
  /** Names the log file in test-results/ (server-<label>.log). */
  label?: string;
  /** First start migrates and loads the reference data: allow for a slow machine. */
  startTimeoutMs?: number;
  /**
   * CLI commands run on the server's database before it starts, e.g.
   * `[["users:create", "--role", "opco", "--email", "conseil@opco.fr", "--opco", "Akto"]]`: staff
   * accounts exist only through the CLI, which cannot open a PGlite database the server holds.
   * The database is prepared (`db:setup`) first.
   */
  cli?: string[][];
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  logFile: string;
  /** SIGTERM, wait for a clean exit, then remove the temporary database. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, logTail: () => string) {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The server exited (code ${child.exitCode ?? child.signalCode}) before being ready.\n${logTail()}`,
      );
    }
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      lastProblem = `GET /healthz answered ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server was not ready after ${timeoutMs / 1000} s (${lastProblem}).\n${logTail()}`);
}

/** `cliCommand("users:create", { role: "admin", email: "a@b.fr" })` → ["users:create", "--role", "admin", …]. */
export function cliCommand(name: string, options: Record<string, string>): string[] {
  return [name, ...Object.entries(options).flatMap(([key, value]) => [`--${key}`, value])];
}

/** Runs `npm run cli -- <args>` (without npm) with the server's environment; its output goes to the log. */
function runCli(args: string[], env: NodeJS.ProcessEnv, log: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const child = spawn(process.execPath, ["--import", "tsx", "packages/server/src/cli.ts", ...args], {
      cwd: repoRoot,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const record = (chunk: Buffer) => {
      log.write(chunk);
      output += chunk.toString("utf8");
    };
    child.stdout?.on("data", record);
    child.stderr?.on("data", record);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`« cli ${args.join(" ")} » exited with code ${code}:\n${output.slice(-2_000)}`));
    });
  });
}

/**
 * Starts the real server (`node --import tsx packages/server/src/main.ts`) on a free port with a
 * database of its own: a fresh PGlite directory, or a fresh PostgreSQL database next to
 * DATABASE_URL when that is set. Resolves once GET /healthz answers 200.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const label = options.label ?? `port-${port}`;
  const cleanups: (() => Promise<void> | void)[] = [];

  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key];
  Object.assign(env, {
    NODE_ENV: "test",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: url,
    SCHEDULER: "off",
    LOG_LEVEL: "info",
    // With no SMTP_URL the server keeps mail in its dev mailbox; journeys that read mail set one.
    SMTP_URL: undefined,
    // The per-address limit models one person; journeys are dozens of people on 127.0.0.1, each
    // browser context loading every asset afresh (assets count too): at the default 600 a journey
    // got 429 on scripts and fonts and a blank page. Route limits (sign-in…) stay as configured.
    RATE_LIMIT_PER_MINUTE: "100000",
  });
  if (process.env.DATABASE_URL) {
    const database = await createFreshDatabase(process.env.DATABASE_URL, label);
    env.DATABASE_URL = database.url;
    cleanups.push(database.drop);
  } else {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "tremplin-e2e-"));
    env.DATA_DIR = dataDir;
    env.DATABASE_URL = undefined;
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  }
  Object.assign(env, options.env);
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];

  mkdirSync(testResultsDir, { recursive: true });
  const logFile = path.join(testResultsDir, `server-${label}.log`);
  const log = createWriteStream(logFile);
  if (options.cli?.length) {
    try {
      for (const args of [["db:setup"], ...options.cli]) await runCli(args, env, log);
    } catch (error) {
      await new Promise<void>((resolve) => log.end(resolve));
      for (const cleanup of cleanups.reverse()) await cleanup();
      throw error;
    }
  }
  let recent = "";
  const child = spawn(process.execPath, ["--import", "tsx", "packages/server/src/main.ts"], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const record = (chunk: Buffer) => {
    log.write(chunk);
    recent = (recent + chunk.toString("utf8")).slice(-4_000);
  };
  child.stdout?.on("data", record);
  child.stderr?.on("data", record);

  const cleanUp = async () => {
    await new Promise<void>((resolve) => log.end(resolve));
    for (const cleanup of cleanups.reverse()) await cleanup();
  };

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 25_000);
      await exited(child);
      clearTimeout(killer);
    }
    await cleanUp();
  };

  try {
    await waitForHealth(url, child, options.startTimeoutMs ?? 300_000, () => `Last lines of ${logFile}:\n${recent}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, logFile, stop };
}
