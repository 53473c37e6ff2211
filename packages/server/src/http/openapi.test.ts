import { contracts } from "@tremplin/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { apiReferencePagePath } from "./openapi.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 321 } });
});
afterAll(async () => {
  await t?.close();
});

describe("OpenAPI document", () => {
  it("says the rate limits: the default at its root, a contract's stricter one on its operation", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/docs/openapi.json" });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc["x-rate-limit-per-minute"]).toBe(321);
    const signUp = contracts.accounts.signUp;
    expect(signUp.rateLimitPerMinute).toBeGreaterThan(0);
    const operation = doc.paths[signUp.path][signUp.method.toLowerCase()];
    expect(operation["x-rate-limit-per-minute"]).toBe(signUp.rateLimitPerMinute);
    // A route without a limit of its own carries none: the reader falls back on the root's.
    expect(doc.paths["/api/v1/referential/opcos"].get["x-rate-limit-per-minute"]).toBeUndefined();
  });

  it("sends people from /api/docs to the French reference page of the web app", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/docs" });
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe(apiReferencePagePath);
    // No Swagger UI left behind it.
    const asset = await t.app.inject({ method: "GET", url: "/api/docs/static/index.html" });
    expect(asset.statusCode).toBe(404);
  });
});
