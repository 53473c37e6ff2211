import { apiScopes, contracts, type RouteContract, roles } from "@tremplin/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/modules/diffusion/api-keys.js";
import { signedIn } from "./fixtures.js";
import { createTestApp, type TestApp } from "./test-app.js";

// Contract-driven fuzzing: every route of every contract in core, called by a caller it lets in,
// with malformed bodies, queries, multipart forms and forged cursors. Whatever a client sends is
// answered 4xx with a code in the error shape, never 5xx.

let t: TestApp;
const cookies = new Map<string, string>();
let partnerKey: string;

beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 1_000_000, applicationsPerIpPerMinute: 100_000 } });
  for (const role of roles) cookies.set(role, (await signedIn(t, role, { opcoId: "opco-ep" })).cookie);
  partnerKey = (await createApiKey(t.db.db, { name: "fuzz", scopes: [...apiScopes], ratePerMinute: 1_000_000 })).key;
});
afterAll(async () => t?.close());

const allRoutes: Array<[string, RouteContract]> = Object.entries(contracts).flatMap(([group, routes]) =>
  Object.entries(routes as Record<string, RouteContract>).map(
    ([name, route]) => [`${group}.${name}`, route] as [string, RouteContract],
  ),
);

const sampleUrl = (route: RouteContract) =>
  route.path.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    name === "id" || name.endsWith("Id")
      ? "00000000-0000-4000-8000-000000000000"
      : name === "siret"
        ? "35600000000048"
        : "X",
  );

/** Headers of a caller the route lets in (a role it names, or a partner key with every scope). */
function callerHeaders(route: RouteContract): Record<string, string> {
  const base = { origin: "http://tremplin.test" };
  if (route.auth === "public") return base;
  const role = route.auth.roles?.[0];
  if (role) return { ...base, cookie: cookies.get(role) as string };
  return { ...base, authorization: `Bearer ${partnerKey}` };
}

const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

const hostileBodies: Array<[string, string, string]> = [
  ["not JSON", "application/json", "{nope"],
  ["JSON null", "application/json", "null"],
  ["JSON array", "application/json", "[1,2,3]"],
  ["JSON string", "application/json", '"x"'],
  ["deep nesting", "application/json", `${"[".repeat(2000)}${"]".repeat(2000)}`],
  ["wrong types", "application/json", JSON.stringify({ id: 1e308, email: [], title: {}, siret: -1, page: "x" })],
  ["nul bytes", "application/json", JSON.stringify({ name: "\u0000", email: "a\u0000@b.fr", title: "\ud800" })],
  ["form encoded", "application/x-www-form-urlencoded", "a=1&b=2"],
  ["plain text", "text/plain", "hello"],
];

const hostileQueries = [
  "cursor=%FF%FE",
  `cursor=${forged({ o: { c: 0.1, i: "not-a-uuid" }, c: null })}`,
  `cursor=${forged({ o: { c: "1e999", i: "00000000-0000-4000-8000-000000000000" }, c: "x" })}`,
  `cursor=${forged({ t: "-271821-04-20T00:00:00.000Z", i: "00000000-0000-4000-8000-000000000000" })}`,
  `cursor=${forged({ t: "2026-01-01T00:00:00.000Z", i: "'; drop table offers; --" })}`,
  `cursor=${forged({ d: "9999-99-99", o: 1e300 })}`,
  "page=-1&limit=1e309&latitude=NaN&longitude=Infinity&radius=-5",
  "romes=%00&q=%00&since=0000-00-00",
];

const withBody = allRoutes.filter(([, route]) => route.method !== "GET");

describe("contract-driven fuzzing: never a 5xx", () => {
  it.each(withBody)("%s answers 4xx to malformed bodies", async (_name, route) => {
    for (const [label, type, payload] of hostileBodies) {
      const response = await t.app.inject({
        method: route.method,
        url: sampleUrl(route),
        headers: { ...callerHeaders(route), "content-type": type },
        payload,
      });
      expect(response.statusCode, `${label} → ${response.body.slice(0, 200)}`).toBeLessThan(500);
      if (response.statusCode >= 400) expect(response.json().error.code, label).toEqual(expect.any(String));
    }
  });

  it.each(allRoutes)("%s answers 4xx to hostile queries and forged cursors", async (_name, route) => {
    for (const query of hostileQueries) {
      const response = await t.app.inject({
        method: route.method,
        url: `${sampleUrl(route)}?${query}`,
        headers: callerHeaders(route),
        ...(route.method === "GET" ? {} : { payload: {} }),
      });
      expect(response.statusCode, `${query} → ${response.body.slice(0, 200)}`).toBeLessThan(500);
    }
  });

  it("answers CURSOR_INVALID to forged cursors on the job search and the partner sync", async () => {
    const search = "/api/v1/jobs/search?romes=D1102&latitude=45.76&longitude=4.83&radius=30";
    for (const cursor of [
      forged({ o: { c: 0.1, i: "not-a-uuid" }, c: null }),
      forged({ o: { c: Number.MAX_VALUE, i: "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz" }, c: null }),
    ]) {
      const r = await t.app.inject({ method: "GET", url: `${search}&cursor=${cursor}` });
      expect([r.statusCode, r.json().error.code]).toEqual([400, "CURSOR_INVALID"]);
    }
    for (const cursor of [
      forged({ t: "2026-01-01T00:00:00.000Z", i: "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz" }),
      forged({ t: "-271821-04-20T00:00:00.000Z", i: "00000000-0000-4000-8000-000000000000" }),
    ]) {
      const r = await t.app.inject({
        method: "GET",
        url: `/api/v1/offers?since=2026-01-01T00:00:00.000Z&cursor=${cursor}`,
        headers: { authorization: `Bearer ${partnerKey}` },
      });
      expect([r.statusCode, r.json().error.code]).toEqual([400, "CURSOR_INVALID"]);
    }
  });
});

describe("malformed multipart on POST /api/v1/applications", () => {
  const part = (boundary: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="firstName"\r\n\r\nInès\r\n--${boundary}\r\nContent-Disposition: form-data; name="cv"; filename="cv.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 trunc`;
  it.each([
    ["no boundary", "multipart/form-data", part("x")],
    ["an empty boundary", "multipart/form-data; boundary=", part("")],
    ["an empty quoted boundary", 'multipart/form-data; boundary=""', part("")],
    ["a truncated body", "multipart/form-data; boundary=abc", part("abc")],
    ["a body without any part", "multipart/form-data; boundary=abc", "garbage"],
    ["a boundary of 200 characters", `multipart/form-data; boundary=${"b".repeat(200)}`, part("b".repeat(200))],
  ])("answers 400/415 with a code to %s", async (_label, type, payload) => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/applications",
      headers: { "content-type": type, origin: "http://tremplin.test" },
      payload,
    });
    expect([400, 415], response.body).toContain(response.statusCode);
    expect(response.json().error.code).toMatch(/^(MALFORMED_REQUEST|UNSUPPORTED_MEDIA_TYPE|VALIDATION_ERROR)$/);
  });
});
