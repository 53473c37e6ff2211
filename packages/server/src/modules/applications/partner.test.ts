import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { createApiKey } from "../diffusion/api-keys.js";
import { apply, candidate, cvPdf, pdfBytes, recruiterWithOffer } from "./test-support.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 100_000, applicationsPerIpPerMinute: 2 } });
});
afterAll(async () => t?.close());

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe("partners apply with an API key (scope applications:write)", () => {
  it("records the partner's name, runs the same checks, and keeps the key's own rate instead of the per-IP one", async () => {
    const { recruiter, offerId } = await recruiterWithOffer(t);
    const key = await createApiKey(t.db.db, {
      name: "Jobboard Partenaire",
      scopes: ["applications:write"],
      ratePerMinute: 50,
    });
    // More requests than the per-IP limit (2) from one address: the key's quota applies.
    for (let i = 0; i < 3; i++) {
      const r = await apply(t, { offerId, ...candidate() }, [cvPdf()], { headers: bearer(key.key) });
      expect(r.status).toBe(201);
    }
    const row = await t.db.db
      .selectFrom("applications")
      .select(["source", "partner_name", "api_key_id"])
      .where("offer_id", "=", offerId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ source: "partner", partner_name: "Jobboard Partenaire", api_key_id: key.id });

    await t.flushMail();
    const mail = t.smtp.to(recruiter.user.email).find((m) => m.subject.match(/^Candidature (de |d’|d')/));
    expect(mail?.text).toContain("(transmise par Jobboard Partenaire)");

    // Same checks as the web form.
    const exe = { name: "cv.pdf", type: "application/pdf", bytes: Buffer.from("MZ\x90\x00 not a pdf") };
    const bad = await apply(t, { offerId, ...candidate() }, [exe], { headers: bearer(key.key) });
    expect(bad.body.error.code).toBe("CV_CONTENT_MISMATCH");
    const big = await apply(t, { offerId, ...candidate() }, [cvPdf(pdfBytes(4_000_000))], { headers: bearer(key.key) });
    expect(big.status).toBe(413);
    const disposable = await apply(t, { offerId, ...candidate({ email: "a@mailinator.com" }) }, [], {
      headers: bearer(key.key),
    });
    expect(disposable.body.error.code).toBe("EMAIL_DISPOSABLE");
  });

  it("refuses a key without the scope (403) and an unknown key (401)", async () => {
    const { offerId } = await recruiterWithOffer(t);
    const reader = await createApiKey(t.db.db, { name: "Lecteur seul", scopes: ["offers:read"] });
    const forbidden = await apply(t, { offerId, ...candidate() }, [], { headers: bearer(reader.key) });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toContain("applications:write");
    const unknown = await apply(t, { offerId, ...candidate() }, [], { headers: bearer("tpl_nope_nope") });
    expect(unknown.status).toBe(401);
    expect(await t.db.db.selectFrom("applications").select("id").where("offer_id", "=", offerId).execute()).toEqual([]);
  });
});
