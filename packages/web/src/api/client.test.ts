import { contracts } from "@tremplin/core";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ApiError, callApi } from "./client.js";

const { getRome, searchAppellations, listOpcos } = contracts.referential;

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

function stubFetch(implementation: (url: string, init: RequestInit) => Promise<Response>) {
  const fetchMock = vi.fn(implementation);
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const boulanger = {
  codeOgr: "11573",
  label: "Boulanger / Boulangère",
  romeCode: "D1102",
  romeLabel: "Boulanger / Boulangère",
};

describe("callApi", () => {
  test("calls the contract's URL same-origin and returns the parsed body", async () => {
    const fetchMock = stubFetch(async () => jsonResponse(200, [{ ...boulanger, internalScore: 12 }]));
    const result = await callApi(searchAppellations, { query: { q: "boulang", limit: 3 } });
    expect(result).toEqual([boulanger]); // unknown fields stripped by the contract's schema
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe("/api/v1/referential/appellations?q=boulang&limit=3");
    expect(init).toMatchObject({ method: "GET", credentials: "same-origin" });
  });

  test("turns the API error shape into an ApiError with its French message", async () => {
    stubFetch(async () =>
      jsonResponse(404, { error: { code: "ROME_UNKNOWN", message: "Ce code ROME n'existe pas dans le référentiel." } }),
    );
    const error = await callApi(getRome, { params: { romeCode: "Z9999" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      code: "ROME_UNKNOWN",
      message: "Ce code ROME n'existe pas dans le référentiel.",
    });
  });

  test("reports a network failure in French", async () => {
    stubFetch(async () => {
      throw new TypeError("fetch failed");
    });
    const error = await callApi(listOpcos).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: "NETWORK_ERROR" });
    expect((error as ApiError).message).toMatch(/connexion internet/);
  });

  test("rethrows an abort as is, so that stale requests stay silent", async () => {
    stubFetch(async () => {
      throw new DOMException("The operation was aborted.", "AbortError");
    });
    const error = await callApi(listOpcos, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).not.toBeInstanceOf(ApiError);
  });

  test("refuses a success body that breaks the contract", async () => {
    stubFetch(async () => jsonResponse(200, [{ id: 1 }]));
    await expect(callApi(listOpcos)).rejects.toMatchObject({ code: "UNEXPECTED_RESPONSE", status: 200 });
  });

  test("copes with an error page that is not JSON (a proxy's 502)", async () => {
    stubFetch(async () => new Response("<html>Bad Gateway</html>", { status: 502 }));
    await expect(callApi(listOpcos)).rejects.toMatchObject({ status: 502, code: "SERVICE_UNAVAILABLE" });
  });
});

// Types only: these lines fail `tsc -p packages/web` if the client stops following the contracts.
function typeChecks() {
  // @ts-expect-error path parameters are required by getRome
  void callApi(getRome);
  // @ts-expect-error romeCode must be a string
  void callApi(getRome, { params: { romeCode: 42 } });
  // @ts-expect-error the query is required by searchAppellations
  void callApi(searchAppellations, {});
  void callApi(listOpcos).then((opcos) => opcos.map((opco) => opco.fullName.toUpperCase()));
  void callApi(getRome, { params: { romeCode: "D1102" } }).then((fiche) => fiche.skills.savoirFaire.length);
}
void typeChecks;
