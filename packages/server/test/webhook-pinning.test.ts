import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postPinned } from "../src/modules/diffusion/webhook-http.js";
import { checkWebhookTarget } from "../src/modules/diffusion/webhook-url.js";

// DNS rebinding: a name that resolves to a public address when checked and to 127.0.0.1 when the
// delivery connects. Deliveries connect to the address that was checked, never to a new answer.

let server: Server;
let port: number;
const seen: Array<{ host: string | undefined; body: string; signature: string | undefined }> = [];

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      seen.push({ host: request.headers.host, body, signature: request.headers["x-tremplin-signature"] as string });
      response.writeHead(202).end("merci");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("webhook deliveries pinned to the checked address", () => {
  it("connect to the given address and never resolve the name again (Host kept)", async () => {
    // partner.invalid resolves nowhere (RFC 6761): reaching the server proves no look-up was made.
    const status = await postPinned(`http://partner.invalid:${port}/hook`, "127.0.0.1", {
      headers: { "content-type": "application/json", "x-tremplin-signature": "t=1,v1=abc" },
      body: '{"event":"offer.published"}',
      timeoutMs: 5_000,
    });
    expect(status).toBe(202);
    expect(seen.at(-1)).toEqual({
      host: `partner.invalid:${port}`,
      body: '{"event":"offer.published"}',
      signature: "t=1,v1=abc",
    });
  });

  it("use the answer of the check: a second, rebound answer is never used", async () => {
    const answers = [["93.184.215.14"], ["127.0.0.1"]];
    let calls = 0;
    const rebinding = async () => answers[Math.min(calls++, 1)] as string[];
    const checked = await checkWebhookTarget("https://rebind.example/hook", { env: "production" }, rebinding);
    expect(checked).toEqual(["93.184.215.14"]);
    // Asked again (as a connection made by name would do), the name now points inside: refused.
    await expect(checkWebhookTarget("https://rebind.example/hook", { env: "production" }, rebinding)).rejects.toThrow(
      /locale, privée ou réservée/,
    );
    expect(calls).toBe(2);
  });

  it("refuse an address that is not an IP, and give up after the timeout", async () => {
    await expect(
      postPinned("http://partner.invalid/hook", "partner.invalid", { headers: {}, body: "{}", timeoutMs: 1_000 }),
    ).rejects.toThrow(/adresse invalide/);
    const silent = createServer(() => {}); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const started = Date.now();
      await expect(
        postPinned(`http://slow.invalid:${(silent.address() as AddressInfo).port}/`, "127.0.0.1", {
          headers: {},
          body: "{}",
          timeoutMs: 300,
        }),
      ).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
