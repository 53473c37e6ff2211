import { contracts, defineRoute } from "@tremplin/core";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { prepareRequest, toQueryString } from "./request.js";

const { getRome, searchAppellations, listOpcos } = contracts.referential;

describe("prepareRequest", () => {
  test("fills path parameters from the contract and encodes them", () => {
    expect(prepareRequest(getRome, { params: { romeCode: "D1102" } }).url).toBe("/api/v1/referential/romes/D1102");
    expect(prepareRequest(getRome, { params: { romeCode: "a/b c" } }).url).toBe("/api/v1/referential/romes/a%2Fb%20c");
  });

  test("serialises the query, accents included", () => {
    const request = prepareRequest(searchAppellations, { query: { q: "pâtissière", limit: 5 } });
    expect(request.method).toBe("GET");
    expect(request.url).toBe("/api/v1/referential/appellations?q=p%C3%A2tissi%C3%A8re&limit=5");
    expect(request.body).toBeUndefined();
    expect(request.headers).toEqual({ accept: "application/json" });
  });

  test("needs nothing for a contract without input", () => {
    expect(prepareRequest(listOpcos, {}).url).toBe("/api/v1/referential/opcos");
  });

  test("sends a body as JSON", () => {
    const createThing = defineRoute({
      method: "POST",
      path: "/api/v1/things/:id/notes",
      summary: "test",
      tags: [],
      auth: "public",
      params: z.object({ id: z.string() }),
      body: z.object({ text: z.string() }),
      responses: { 201: z.object({ ok: z.boolean() }) },
    });
    const request = prepareRequest(createThing, { params: { id: "42" }, body: { text: "Bonjour" } });
    expect(request).toEqual({
      method: "POST",
      url: "/api/v1/things/42/notes",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: '{"text":"Bonjour"}',
    });
  });

  test("refuses to build a URL with a missing path parameter", () => {
    expect(() => prepareRequest(getRome, { params: {} as { romeCode: string } })).toThrow(/romeCode/);
  });
});

describe("toQueryString", () => {
  test("leaves out absent values, repeats arrays, writes dates in ISO 8601", () => {
    const query = {
      q: "lyon",
      postalCode: undefined,
      radius: null,
      level: [3, 4],
      from: new Date("2026-09-01T00:00:00.000Z"),
      remote: false,
    };
    expect(toQueryString(query)).toBe("?q=lyon&level=3&level=4&from=2026-09-01T00%3A00%3A00.000Z&remote=false");
  });

  test("is empty when there is nothing to send", () => {
    expect(toQueryString(undefined)).toBe("");
    expect(toQueryString({ q: undefined })).toBe("");
  });

  test("refuses nested objects, which have no agreed query form", () => {
    expect(() => toQueryString({ filter: { a: 1 } })).toThrow(/filter/);
  });
});
