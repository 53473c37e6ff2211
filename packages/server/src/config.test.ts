import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "tremplin-config-"));

describe("loadConfig", () => {
  it("has working defaults on a fresh machine", () => {
    const dir = tmp();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      env: "development",
      port: 3000,
      host: "localhost",
      publicUrl: "http://localhost:3000",
      dataDir: dir,
      databaseUrl: undefined,
      smtpUrl: undefined,
      logLevel: "info",
      demoData: true,
    });
  });

  it("generates the development session secret once and keeps it in DATA_DIR", () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir }).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, "session-secret"), "utf8")).toBe(first);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first);
  });

  it("derives PUBLIC_URL from PORT and trims a trailing slash", () => {
    expect(loadConfig({ DATA_DIR: tmp(), PORT: "8080" }).publicUrl).toBe("http://localhost:8080");
    expect(loadConfig({ DATA_DIR: tmp(), PUBLIC_URL: "https://tremplin.example.fr/" }).publicUrl).toBe(
      "https://tremplin.example.fr",
    );
  });

  it.each([
    [{ PORT: "abc" }, /PORT : doit être un nombre entier \(reçu « abc »\)/],
    [{ PORT: "70000" }, /PORT : doit être au plus 65535/],
    [{ PUBLIC_URL: "localhost:3000" }, /PUBLIC_URL : doit être une URL http\(s\) complète/],
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL : doit commencer par postgres:\/\//],
    [{ SMTP_URL: "http://mail" }, /SMTP_URL : doit commencer par smtp:\/\//],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL : Valeur non reconnue/],
    [{ NODE_ENV: "staging" }, /NODE_ENV/],
    [{ SESSION_SECRET: "short" }, /SESSION_SECRET : doit compter au moins 32 caractères/],
  ])("rejects %o with a readable French message", (env, message) => {
    const run = () => loadConfig({ DATA_DIR: tmp(), ...env });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(message);
  });

  it("lists every bad variable at once", () => {
    try {
      loadConfig({ DATA_DIR: tmp(), PORT: "x", SMTP_URL: "ftp://y" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/SMTP_URL/);
    }
  });

  it("requires SESSION_SECRET in production and turns the demo set off there", () => {
    expect(() => loadConfig({ DATA_DIR: tmp(), NODE_ENV: "production", CV_ENCRYPTION_KEY: "ab".repeat(32) })).toThrow(
      /SESSION_SECRET : obligatoire/,
    );
    expect(() => loadConfig({ DATA_DIR: tmp(), NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) })).toThrow(
      /CV_ENCRYPTION_KEY : obligatoire/,
    );
    const config = loadConfig({
      DATA_DIR: tmp(),
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(40),
      CV_ENCRYPTION_KEY: "ab".repeat(32),
    });
    expect(config.demoData).toBe(false);
  });
});
