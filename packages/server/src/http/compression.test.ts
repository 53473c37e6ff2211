import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";

/** A built web app in miniature: a hashed asset with its precompressed copies, a DSFR file, index.html. */
const dist = mkdtempSync(path.join(tmpdir(), "tremplin-dist-"));
const script = `console.log(${JSON.stringify("Tremplin ".repeat(400))});`;
let t: TestApp;

beforeAll(async () => {
  mkdirSync(path.join(dist, "assets"));
  mkdirSync(path.join(dist, "dsfr"));
  writeFileSync(
    path.join(dist, "index.html"),
    `<!doctype html><html><head><title>Tremplin</title></head><body>${"<p>x</p>".repeat(300)}</body></html>`,
  );
  writeFileSync(path.join(dist, "assets", "index-AbC123.js"), script);
  // Marked copies: the test tells a precompressed file from one compressed on the fly.
  writeFileSync(path.join(dist, "assets", "index-AbC123.js.br"), brotliCompressSync(`${script}//br`));
  writeFileSync(path.join(dist, "assets", "index-AbC123.js.gz"), gzipSync(`${script}//gz`));
  writeFileSync(path.join(dist, "dsfr", "dsfr.min.css"), `.fr-btn{color:#000091}${" ".repeat(2000)}`);
  t = await createTestApp({ webDistDir: dist, config: { rateLimitPerMinute: 1_000_000 } });
});
afterAll(async () => {
  await t?.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({ method: "GET", url, headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} });

describe("compression", () => {
  it("serves the build's precompressed brotli or gzip copy of an asset, as the browser accepts", async () => {
    const br = await get("/assets/index-AbC123.js", "gzip, deflate, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(`${script}//br`);
    const gz = await get("/assets/index-AbC123.js", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(`${script}//gz`);
    const plain = await get("/assets/index-AbC123.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
  });

  it("compresses API JSON and the page on the fly, and leaves small responses alone", async () => {
    const json = await get("/api/v1/referential/diploma-levels", "br");
    expect(json.statusCode).toBe(200);
    const big = await get("/api/v1/referential/communes?q=saint&limit=50", "br");
    expect(big.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(big.rawPayload).toString())).toHaveLength(50);
    const page = await get("/recherche", "gzip");
    expect(page.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(page.rawPayload).toString()).toContain("<title>Tremplin</title>");
    const health = await get("/healthz", "br");
    expect(health.headers["content-encoding"]).toBeUndefined();
  });
});

describe("caching", () => {
  it("caches hashed assets for good, the DSFR asked with its version too, and revalidates only the page", async () => {
    expect((await get("/assets/index-AbC123.js")).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await get("/dsfr/dsfr.min.css?v=1.14.2")).headers["cache-control"]).toBe(
      "public, max-age=31536000, immutable",
    );
    expect((await get("/dsfr/dsfr.min.css")).headers["cache-control"]).toBe("public, max-age=86400");
    expect((await get("/")).headers["cache-control"]).toBe("no-cache");
    expect((await get("/offres/inconnue")).headers["cache-control"]).toBe("no-cache");
  });
});
