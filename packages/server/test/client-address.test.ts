import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import { createTestApp } from "./test-app.js";

// The client address behind proxies: only TRUST_PROXY's proxies may name it (X-Forwarded-For);
// otherwise a header per request would dodge every per-address limit.

const signInRequest = (forwardedFor: string) => ({
  method: "POST" as const,
  url: "/api/v1/auth/magic-link",
  headers: { "x-forwarded-for": forwardedFor },
  payload: { email: "personne@example.fr" },
});

describe("TRUST_PROXY", () => {
  it("reads none, a hop count or addresses/CIDRs, and refuses anything else", () => {
    expect(loadConfig({ NODE_ENV: "test" }).trustProxy).toBe(false);
    expect(loadConfig({ NODE_ENV: "test", TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ NODE_ENV: "test", TRUST_PROXY: "10.0.0.0/8, ::1,192.168.1.10" }).trustProxy).toEqual([
      "10.0.0.0/8",
      "::1",
      "192.168.1.10",
    ]);
    for (const bad of ["true", "10.0.0.0/33", "example.com", "1.2.3.4/8/2"]) {
      expect(() => loadConfig({ NODE_ENV: "test", TRUST_PROXY: bad }), bad).toThrow(ConfigError);
    }
  });

  it("unset: a forged X-Forwarded-For per request does not escape the per-address limit", async () => {
    const t = await createTestApp();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await t.app.inject(signInRequest(`203.0.113.${i}`))).statusCode);
      expect(statuses.slice(0, 5)).toEqual([204, 204, 204, 204, 204]);
      expect(statuses.slice(5)).toEqual([429, 429]);
    } finally {
      await t.close();
    }
  }, 120_000);

  it("set to the proxy's address: the forwarded client is counted, each on its own", async () => {
    const t = await createTestApp({ config: { trustProxy: ["127.0.0.1"] } });
    try {
      for (let i = 0; i < 7; i++) expect((await t.app.inject(signInRequest(`203.0.113.${i}`))).statusCode).toBe(204);
      const same: number[] = [];
      for (let i = 0; i < 6; i++) same.push((await t.app.inject(signInRequest("198.51.100.7"))).statusCode);
      expect(same.at(-1)).toBe(429);
      // A client cannot push a forged address through the trusted proxy: the proxy's own hop is read.
      const spoofed: number[] = [];
      for (let i = 0; i < 3; i++)
        spoofed.push((await t.app.inject(signInRequest(`10.9.9.${i}, 198.51.100.7`))).statusCode);
      expect(spoofed).toEqual([429, 429, 429]);
    } finally {
      await t.close();
    }
  }, 120_000);
});
