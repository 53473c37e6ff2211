import { contracts, type RouteContract, roles } from "@tremplin/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn } from "./fixtures.js";
import { createTestApp, type TestApp } from "./test-app.js";

// Walks every route of every contract in core × every role: 401 without a session where a role is
// required, 403 for a role the contract does not name, never 401/403 for a role it names.
let t: TestApp;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 100_000 } });
  for (const role of roles) cookies.set(role, (await signedIn(t, role, { opcoId: "opco-ep" })).cookie);
});
afterAll(async () => t?.close());

const allRoutes: Array<[string, RouteContract]> = Object.entries(contracts).flatMap(([group, routes]) =>
  Object.entries(routes as Record<string, RouteContract>).map(
    ([name, route]) => [`${group}.${name}`, route] as [string, RouteContract],
  ),
);

/** A syntactically plausible URL for the route (values do not need to exist: access is checked first). */
function sampleUrl(route: RouteContract): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    name === "id" || name.endsWith("Id")
      ? "00000000-0000-4000-8000-000000000000"
      : name === "siret"
        ? "35600000000048"
        : "X",
  );
}

const protectedRoutes = allRoutes.filter(([, route]) => route.auth !== "public");

describe("access control declared in the contracts", () => {
  it("covers a meaningful set of protected routes", () => {
    expect(protectedRoutes.length).toBeGreaterThanOrEqual(10);
  });

  it.each(protectedRoutes)("%s answers 401 to anonymous callers", async (_name, route) => {
    const response = await t.app.inject({
      method: route.method,
      url: sampleUrl(route),
      payload: route.method === "GET" ? undefined : {},
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("UNAUTHENTICATED");
  });

  it.each(protectedRoutes)("%s answers 403 exactly to the roles it does not name", async (_name, route) => {
    const allowed = route.auth === "public" ? [] : (route.auth.roles ?? []);
    for (const role of roles) {
      const response = await t.app.inject({
        method: route.method,
        url: sampleUrl(route),
        headers: { cookie: cookies.get(role) as string },
        payload: route.method === "GET" ? undefined : {},
      });
      if (allowed.includes(role)) {
        expect([401, 403], `${role} should be let in`).not.toContain(response.statusCode);
      } else {
        expect(response.statusCode, `${role} should be refused`).toBe(403);
        expect(response.json().error.code).toBe("FORBIDDEN");
      }
    }
  });
});
