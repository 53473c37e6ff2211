import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recruiterWithCompany, signedIn } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { loadFixtureCatalogue } from "./test-support.js";

let t: TestApp;
let sirets: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 100_000 } });
  sirets = await loadFixtureCatalogue(t.db.db, [
    { name: "CFA avec compte", km: 3, romes: ["D1102"], email: "accueil@cfa-compte.test" },
    { name: "CFA voisin", km: 8, romes: ["D1102"], email: "accueil@cfa-voisin.test" },
  ]);
});
afterAll(async () => t?.close());

/** A signed-in CFA person with a confirmed, verified CFA account for the SIRET. */
async function cfaUser(siret: string, status: "active" | "pending_confirmation" = "active") {
  const session = await signedIn(t, "cfa");
  await t.db.db
    .insertInto("accounts")
    .values({
      user_id: session.user.id,
      type: "cfa",
      siret,
      company_name: "Nom du compte CFA",
      status,
      opco_id: null,
      opco_source: null,
      // Verified by the catalogue's contact address (ADR 009): only verified members have the space.
      verified_at: t.clock.now(),
      verification_method: "catalogue_contact",
      verified_by: "test",
    })
    .execute();
  return session;
}

const inbox = (cookie: string) => t.app.inject({ method: "GET", url: "/api/v1/cfa/requests", headers: { cookie } });

describe("the CFA space", () => {
  it("lists the requests sent to the CFA's SIRET and answers them, without the recruiter's address", async () => {
    const r = await recruiterWithCompany(t);
    const offerId = (
      await t.app.inject({
        method: "POST",
        url: "/api/v1/offers",
        headers: { cookie: r.cookie },
        payload: { appellationCode: "11573", startAsap: true },
      })
    ).json().id;
    const cfa = await cfaUser(sirets["CFA avec compte"] as string);
    t.smtp.clear();
    await t.app.inject({
      method: "POST",
      url: `/api/v1/offers/${offerId}/cfa-requests`,
      headers: { cookie: r.cookie },
      payload: { cfaSirets: [sirets["CFA avec compte"], sirets["CFA voisin"]] },
    });
    await t.flushMail();
    // A CFA with an account is pointed to its space; one without is not.
    expect(t.smtp.to("accueil@cfa-compte.test")[0]?.links).toContain("http://tremplin.test/espace/cfa/demandes");
    expect(t.smtp.to("accueil@cfa-voisin.test")[0]?.links).not.toContain("http://tremplin.test/espace/cfa/demandes");

    const listed = await inbox(cfa.cookie);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().organisations).toEqual([
      { siret: sirets["CFA avec compte"], name: "CFA avec compte", inCatalogue: true, acceptsRequests: true },
    ]);
    expect(listed.json().items).toHaveLength(1);
    const [item] = listed.json().items;
    expect(item).toMatchObject({
      cfaSiret: sirets["CFA avec compte"],
      match: "exact",
      offer: {
        id: offerId,
        companyName: "Au Bon Pain d'Essai",
        contactName: `Camille ${r.user.last_name}`,
        startAsap: true,
      },
      answer: null,
      canAnswer: true,
    });
    expect(listed.body).not.toContain(r.user.email);

    t.smtp.clear();
    const answered = await t.app.inject({
      method: "POST",
      url: `/api/v1/cfa/requests/${item.id}/answer`,
      headers: { cookie: cfa.cookie },
      payload: { answer: "candidates", message: "Trois candidats disponibles." },
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ answer: "candidates", answerMessage: "Trois candidats disponibles." });
    await t.flushMail();
    expect(t.smtp.to(r.user.email).map((m) => m.subject)).toEqual([
      "CFA avec compte vous propose des candidats pour « Boulanger / Boulangère »",
    ]);
    const mine = (
      await t.app.inject({
        method: "GET",
        url: `/api/v1/offers/${offerId}/cfa-requests`,
        headers: { cookie: r.cookie },
      })
    ).json();
    expect(mine.items.find((i: { cfa: { name: string } }) => i.cfa.name === "CFA avec compte")).toMatchObject({
      answer: "candidates",
      answerMessage: "Trois candidats disponibles.",
      cfaContactEmail: "accueil@cfa-compte.test",
    });

    // Another CFA cannot see or answer it; a pending account sees nothing; other roles are refused.
    const other = await cfaUser(sirets["CFA voisin"] as string);
    const foreign = await t.app.inject({
      method: "POST",
      url: `/api/v1/cfa/requests/${item.id}/answer`,
      headers: { cookie: other.cookie },
      payload: { answer: "no_candidate" },
    });
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, "CFA_REQUEST_NOT_FOUND"]);
    const unconfirmed = await cfaUser(sirets["CFA avec compte"] as string, "pending_confirmation");
    expect((await inbox(unconfirmed.cookie)).json()).toEqual({ organisations: [], items: [] });
    expect((await inbox(r.cookie)).statusCode).toBe(403);
  });

  it("lets the CFA stop and resume requests from its space", async () => {
    const cfa = await cfaUser(sirets["CFA voisin"] as string);
    const set = (siret: string, acceptsRequests: boolean) =>
      t.app.inject({
        method: "PUT",
        url: `/api/v1/cfa/organisations/${siret}/preferences`,
        headers: { cookie: cfa.cookie },
        payload: { acceptsRequests },
      });
    expect((await set(sirets["CFA voisin"] as string, false)).json()).toMatchObject({ acceptsRequests: false });
    const row = await t.db.db
      .selectFrom("training_organisations")
      .select("requests_opted_out_at")
      .where("siret", "=", sirets["CFA voisin"] as string)
      .executeTakeFirstOrThrow();
    expect(row.requests_opted_out_at).not.toBeNull();
    expect((await inbox(cfa.cookie)).json().organisations[0]).toMatchObject({ acceptsRequests: false });
    expect((await set(sirets["CFA voisin"] as string, true)).json()).toMatchObject({ acceptsRequests: true });
    const notMine = await set(sirets["CFA avec compte"] as string, false);
    expect([notMine.statusCode, notMine.json().error.code]).toEqual([404, "CFA_ORGANISATION_NOT_YOURS"]);
  });
});
