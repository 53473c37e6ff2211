// Quick page-weight check while working on the app (the benchmark with its recorded figures is in
// bench/): opens a page in a fresh Chromium profile (empty cache) and lists every file it loaded,
// with the bytes that went over the wire and what gzip would make of the text ones.
// Usage: node packages/web/scripts/measure-first-visit.mjs http://127.0.0.1:3000/ [more URLs…]
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error("Usage: node measure-first-visit.mjs <url> [url…]");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
for (const url of urls) {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const wire = new Map();
  cdp.on("Network.loadingFinished", (event) => wire.set(event.requestId, event.encodedDataLength));
  const requests = new Map();
  cdp.on("Network.responseReceived", (event) => requests.set(event.requestId, event.response));
  const started = Date.now();
  await page.goto(url, { waitUntil: "commit" });
  // Usable: the page's main heading is on screen (the app has rendered its content).
  await page.locator("main h1").first().waitFor();
  const usableMs = Date.now() - started;
  await page.waitForLoadState("load");
  const loadMs = Date.now() - started;
  await page.waitForLoadState("networkidle");
  const rows = [];
  for (const [id, response] of requests) {
    if (response.url.startsWith("data:")) continue; // inline in a style sheet: nothing transferred
    const transferred = wire.get(id) ?? 0;
    let body = Buffer.alloc(0);
    try {
      const { body: text, base64Encoded } = await cdp.send("Network.getResponseBody", { requestId: id });
      body = Buffer.from(text, base64Encoded ? "base64" : "utf8");
    } catch {}
    const compressible = /text|javascript|json|css|svg|xml/.test(response.mimeType);
    const gzip = compressible ? gzipSync(body, { level: 9 }).length : body.length;
    rows.push({ path: new URL(response.url).pathname, type: response.mimeType, transferred, raw: body.length, gzip });
  }
  rows.sort((a, b) => b.gzip - a.gzip);
  const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
  console.log(`\n${url} — load event after ${loadMs} ms, heading shown after ${usableMs} ms, ${rows.length} files`);
  for (const row of rows)
    console.log(
      `${(row.raw / 1024).toFixed(1).padStart(8)} KB raw ${(row.gzip / 1024).toFixed(1).padStart(7)} KB gzip ${(row.transferred / 1024).toFixed(1).padStart(7)} KB wire  ${row.path}`,
    );
  console.log(
    `${(total("raw") / 1024).toFixed(1).padStart(8)} KB raw ${(total("gzip") / 1024).toFixed(1).padStart(7)} KB gzip ${(total("transferred") / 1024).toFixed(1).padStart(7)} KB wire  TOTAL`,
  );
  await context.close();
}
await browser.close();
