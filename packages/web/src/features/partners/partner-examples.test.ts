import { createHmac } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { curlExamples, webhookVerificationExample } from "./partner-examples.js";

type Verify = (rawBody: string, header: string, secret: string, toleranceSeconds?: number) => boolean;

/** Signs as the server does (modules/diffusion/webhook-signature.ts), written again here on purpose. */
function sign(secret: string, body: string, seconds: number): string {
  return `t=${seconds},v1=${createHmac("sha256", secret).update(`${seconds}.${body}`).digest("hex")}`;
}

async function loadExample(): Promise<Verify> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "tremplin-example-")), "verify.mjs");
  writeFileSync(file, webhookVerificationExample);
  const module = (await import(pathToFileURL(file).href)) as { verifyTremplinSignature: Verify };
  return module.verifyTremplinSignature;
}

describe("the webhook example shown to partners", () => {
  const secret = "whsec_test";
  const body = JSON.stringify({ event: "offer.published", offer: { id: "1" } });
  const now = () => Math.floor(Date.now() / 1000);

  test("accepts a delivery signed as the server signs it", async () => {
    const verify = await loadExample();
    expect(verify(body, sign(secret, body, now()), secret)).toBe(true);
  });

  test("refuses a changed body, another secret, and an old delivery (replay)", async () => {
    const verify = await loadExample();
    expect(verify(`${body} `, sign(secret, body, now()), secret)).toBe(false);
    expect(verify(body, sign("whsec_other", body, now()), secret)).toBe(false);
    expect(verify(body, sign(secret, body, now() - 3600), secret)).toBe(false);
    expect(verify(body, "v1=abc", secret)).toBe(false);
  });

  test("the shell examples use the routes and the header the API expects", () => {
    const text = curlExamples("https://tremplin.example");
    expect(text).toContain('Authorization: Bearer $TREMPLIN_CLE"');
    expect(text).toContain("https://tremplin.example/api/v1/offers?updatedSince=");
    expect(text).toContain("https://tremplin.example/api/v1/offers/export");
    expect(text).toContain("https://tremplin.example/feeds/offers.xml");
  });
});
