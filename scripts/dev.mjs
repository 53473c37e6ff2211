#!/usr/bin/env node
// `npm run dev`: the API server in watch mode and the Vite dev server (hot reload), side by side.
// Open the address Vite prints (http://localhost:5173 by default): it forwards /api, /healthz,
// /dev and /feeds to the server, so the app runs same-origin as in production.
// PORT (server, default 3000) and WEB_PORT (Vite, default 5173) can be changed; other variables
// (DATA_DIR, DATABASE_URL, SMTP_URL…) go to the server unchanged. Ctrl+C stops both.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const webDir = path.join(root, "packages", "web");
const serverPort = process.env.PORT ?? "3000";

// The DSFR's CSS, fonts and icons must be in packages/web/public before Vite starts.
const copy = spawnSync("npm", ["run", "--silent", "copy-dsfr", "-w", "@tremplin/web"], { cwd: root, stdio: "inherit" });
if (copy.status !== 0) process.exit(copy.status ?? 1);

const viteBin = path.join(
  path.dirname(createRequire(path.join(webDir, "package.json")).resolve("vite/package.json")),
  "bin",
  "vite.js",
);

// Node itself, not `npm run`: npm does not pass SIGTERM on, which would leave orphans behind.
const processes = [
  {
    name: "server",
    args: ["--import", "tsx", "--watch", "packages/server/src/main.ts"],
    cwd: root,
    env: { PORT: serverPort },
  },
  {
    name: "web",
    args: [viteBin],
    cwd: webDir,
    env: { TREMPLIN_SERVER_URL: `http://localhost:${serverPort}` },
  },
];

let stopping = false;
const children = processes.map(({ name, args, cwd, env }) => {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let pending = "";
    stream.on("data", (chunk) => {
      const lines = (pending + chunk.toString("utf8")).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${prefix}arrêté (${signal ?? `code ${code}`}) : arrêt de l'autre processus.`);
      stop(code || 1);
    }
  });
  return child;
});

/** Stops both; the server gets SIGTERM and closes its database cleanly before we exit. */
function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  let running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  if (running.length === 0) process.exit(exitCode);
  for (const child of running) {
    child.once("exit", () => {
      running = running.filter((other) => other !== child);
      if (running.length === 0) process.exit(exitCode);
    });
    child.kill("SIGTERM");
  }
  setTimeout(() => process.exit(exitCode), 25_000).unref();
}

process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
