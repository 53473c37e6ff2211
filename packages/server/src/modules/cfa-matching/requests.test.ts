import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recruiterWithCompany } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { runJob } from "../../jobs/runner.js";
import { confirmPendingAccounts } from "../accounts/lifecycle-service.js";
import { sendHeldCfaRequestsJob } from "./jobs.js";
import { loadFixtureCatalogue } from "./test-support.js";

let t: TestApp;
let sirets: Record<string, string>;
const email = (name: string) => `${name}@cfa-fictif.test`;

beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 100_000 } });
  sirets = await loadFixtureCatalogue(t.db.db, [
    { name: "CFA Nord", km: 4, romes: ["D1102"], email: email("nord") },
    { name: "CFA Sud", km: 12, romes: ["D1102"], email: email("sud") },
    { name: "CFA Est", km: 30, romes: ["D1102"], email: email("est") },
    { name: "CFA Loin", km: 300, romes: ["D1102"], email: email("loin") },
  ]);
});
afterAll(async () => t?.close());
beforeEach(() => t.smtp.clear());

async function postOffer(cookie: string) {
  const r = await t.app.inject({
    method: "POST",
    url: "/api/v1/offers",
    headers: { cookie },
    payload: { appellationCode: "11573", startDate: "2026-09-01", rhythm: "2 jours au CFA, 3 jours en entreprise" },
  });
  return r.json().id as string;
}

const ask = (id: string, cookie: string, cfaSirets: string[]) =>
  t.app.inject({
    method: "POST",
    url: `/api/v1/offers/${id}/cfa-requests`,
    headers: { cookie },
    payload: { cfaSirets },
  });

const tokenOf = (link: string) => new URL(link).searchParams.get("jeton") as string;
const post = (url: string, payload: object) => t.app.inject({ method: "POST", url, payload });

describe("asking CFAs for candidates", () => {
  it("emails each chosen CFA with the need, the contact and one-click answers, and the recruiter a recap", async () => {
    const r = await recruiterWithCompany(t);
    const id = await postOffer(r.cookie);
    await t.flushMail();
    t.smtp.clear();

    const response = await ask(id, r.cookie, [sirets["CFA Nord"] as string, sirets["CFA Sud"] as string]);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ offerId: id, held: false });
    expect(response.json().items.map((i: { cfa: { name: string }; status: string }) => [i.cfa.name, i.status])).toEqual(
      [
        ["CFA Nord", "sent"],
        ["CFA Sud", "sent"],
      ],
    );
    await t.flushMail();

    const [toCfa] = t.smtp.to(email("nord"));
    expect(t.smtp.to(email("nord"))).toHaveLength(1);
    expect(toCfa?.subject).toBe("Une entreprise cherche un alternant : Boulanger / Boulangère à Lyon");
    expect(toCfa?.text).toContain(
      "Au Bon Pain d'Essai recrute en alternance à 4 km de votre centre et a choisi de vous faire connaître son besoin sur Tremplin : vous formez à ce métier (Formation D1102 n° 1 de CFA Nord).",
    );
    expect(toCfa?.text).toContain("- Début : le 1er septembre 2026");
    expect(toCfa?.text).toContain("- Rythme : 2 jours au CFA, 3 jours en entreprise");
    // The recruiter asked for this introduction: their contact is in the email (ADR 006).
    expect(toCfa?.text).toContain(`Contact de l'entreprise : Camille ${r.user.last_name}, ${r.user.email}, 0612345678`);
    const links = toCfa?.links ?? [];
    expect(
      links.filter((l) => l.includes("/cfa/demande?jeton=")).map((l) => new URL(l).searchParams.get("reponse")),
    ).toEqual(["candidats", "aucun"]);
    expect(links.some((l) => l.includes("/cfa/desinscription?jeton="))).toBe(true);
    expect(links).toContain(`http://tremplin.test/offres/${id}`);
    expect(toCfa?.html).toContain("Je propose des candidats");
    expect(t.smtp.to(email("sud"))).toHaveLength(1);

    const [recap] = t.smtp.to(r.user.email);
    expect(recap?.subject).toBe("Votre besoin « Boulanger / Boulangère » a été transmis à 2 CFA");
    expect(recap?.text).toContain("- CFA Nord, Ville à 4 km (4 km)");
    expect(recap?.links).toContain(`http://tremplin.test/espace/offres/${id}/cfa`);

    // Asking the same CFA again changes nothing; the suggestion shows the request.
    t.smtp.clear();
    expect((await ask(id, r.cookie, [sirets["CFA Nord"] as string])).statusCode).toBe(201);
    await t.flushMail();
    expect(t.smtp.received).toHaveLength(0);
    const suggested = (
      await t.app.inject({ method: "GET", url: `/api/v1/offers/${id}/cfa-suggestions`, headers: { cookie: r.cookie } })
    ).json();
    expect(suggested.items.find((s: { name: string }) => s.name === "CFA Nord").request).toMatchObject({
      status: "sent",
      answer: null,
    });
  });

  it("refuses CFAs that were not suggested, and offers that are closed", async () => {
    const r = await recruiterWithCompany(t);
    const id = await postOffer(r.cookie);
    const far = await ask(id, r.cookie, [sirets["CFA Loin"] as string]);
    expect([far.statusCode, far.json().error.code]).toEqual([422, "CFA_NOT_SUGGESTED"]);
    expect(far.json().error.details).toEqual({ sirets: [sirets["CFA Loin"]] });
    const bad = await ask(id, r.cookie, ["123"]);
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, "VALIDATION_ERROR"]);
    await t.app.inject({ method: "POST", url: `/api/v1/offers/${id}/fill`, headers: { cookie: r.cookie } });
    const closed = await ask(id, r.cookie, [sirets["CFA Nord"] as string]);
    expect([closed.statusCode, closed.json().error.code]).toEqual([409, "CFA_REQUESTS_OFFER_CLOSED"]);
  });

  it("lets a CFA answer without an account: the recruiter hears each answer once, never shown in a page", async () => {
    const r = await recruiterWithCompany(t);
    const id = await postOffer(r.cookie);
    await ask(id, r.cookie, [sirets["CFA Est"] as string]);
    await t.flushMail();
    const [toCfa] = t.smtp.to(email("est"));
    const token = tokenOf(toCfa?.links.find((l) => l.includes("reponse=candidats")) as string);
    t.smtp.clear();

    const page = await post("/api/v1/cfa-links/request", { token });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      cfa: { name: "CFA Est" },
      offer: { id, title: "Boulanger / Boulangère", companyName: "Au Bon Pain d'Essai", city: "Lyon", online: true },
      answer: null,
      canAnswer: true,
    });
    // Opening the page changed nothing, and no page ever carries the recruiter's address or phone.
    expect(page.body).not.toContain(r.user.email);
    expect(page.body).not.toContain("0612345678");

    const answered = await post("/api/v1/cfa-links/answer", {
      token,
      answer: "candidates",
      message: "Deux apprentis de 1re année cherchent, nous vous appelons <b>lundi</b>.",
    });
    expect(answered.json()).toMatchObject({ answer: "candidates", applied: true });
    expect(
      (
        await post("/api/v1/cfa-links/answer", {
          token,
          answer: "candidates",
          message: "Deux apprentis de 1re année cherchent, nous vous appelons lundi.",
        })
      ).json(),
    ).toMatchObject({ applied: false });
    await t.flushMail();
    const told = t.smtp.to(r.user.email);
    expect(told.map((m) => m.subject)).toEqual(["CFA Est vous propose des candidats pour « Boulanger / Boulangère »"]);
    expect(told[0]?.text).toContain("« Deux apprentis de 1re année cherchent, nous vous appelons lundi. »");
    expect(told[0]?.text).toContain(email("est"));

    // A changed answer is told too; the recruiter's list shows the latest.
    await post("/api/v1/cfa-links/answer", { token, answer: "no_candidate" });
    await t.flushMail();
    expect(t.smtp.to(r.user.email).at(-1)?.subject).toBe(
      "CFA Est n'a pas de candidat pour « Boulanger / Boulangère » pour le moment",
    );
    const list = (
      await t.app.inject({ method: "GET", url: `/api/v1/offers/${id}/cfa-requests`, headers: { cookie: r.cookie } })
    ).json();
    expect(list.items[0]).toMatchObject({ answer: "no_candidate", answerMessage: null, cfaContactEmail: null });

    // Once the offer is filled, the CFA is told the need is over.
    await t.app.inject({ method: "POST", url: `/api/v1/offers/${id}/fill`, headers: { cookie: r.cookie } });
    expect((await post("/api/v1/cfa-links/request", { token })).json()).toMatchObject({ canAnswer: false });
    const late = await post("/api/v1/cfa-links/answer", { token, answer: "candidates" });
    expect([late.statusCode, late.json().error.code]).toEqual([410, "CFA_REQUEST_CLOSED"]);
    const forged = await post("/api/v1/cfa-links/answer", { token: `${token.slice(0, -4)}AAAA`, answer: "candidates" });
    expect([forged.statusCode, forged.json().error.code]).toEqual([400, "CFA_LINK_INVALID"]);
  });

  it("stops requests to a CFA at once from the link in its email, and resumes them", async () => {
    const r = await recruiterWithCompany(t);
    const id = await postOffer(r.cookie);
    await ask(id, r.cookie, [sirets["CFA Sud"] as string]);
    await t.flushMail();
    const optOut = tokenOf(t.smtp.to(email("sud"))[0]?.links.find((l) => l.includes("desinscription")) as string);
    const names = async () =>
      (
        await t.app.inject({
          method: "GET",
          url: `/api/v1/offers/${id}/cfa-suggestions`,
          headers: { cookie: r.cookie },
        })
      )
        .json()
        .items.map((i: { name: string }) => i.name);
    expect(await names()).toContain("CFA Sud");

    const out = await post("/api/v1/cfa-links/opt-out", { token: optOut });
    expect(out.json()).toMatchObject({ name: "CFA Sud", acceptsRequests: false, applied: true });
    expect((await post("/api/v1/cfa-links/opt-out", { token: optOut })).json().applied).toBe(false);
    expect(await names()).not.toContain("CFA Sud");
    const refused = await ask(id, r.cookie, [sirets["CFA Sud"] as string]);
    expect(refused.json().error.code).toBe("CFA_NOT_SUGGESTED");

    expect((await post("/api/v1/cfa-links/opt-in", { token: optOut })).json()).toMatchObject({ acceptsRequests: true });
    expect(await names()).toContain("CFA Sud");
  });
});

describe("requests for an offer that is not online yet", () => {
  it("are held, then sent in the transaction that publishes the offer; an opted-out CFA gets nothing", async () => {
    const r = await recruiterWithCompany(t, { status: "pending_confirmation" });
    const id = await postOffer(r.cookie);
    const offer = await t.db.db.selectFrom("offers").select("status").where("id", "=", id).executeTakeFirstOrThrow();
    expect(offer.status).toBe("pending");
    await t.flushMail();
    t.smtp.clear();

    const response = await ask(id, r.cookie, [sirets["CFA Nord"] as string, sirets["CFA Est"] as string]);
    expect(response.json()).toMatchObject({ held: true });
    expect(response.json().items.map((i: { status: string }) => i.status)).toEqual(["held", "held"]);
    await t.flushMail();
    expect(t.smtp.to(email("nord"))).toHaveLength(0);
    const [recap] = t.smtp.to(r.user.email);
    expect(recap?.subject).toBe("Votre besoin « Boulanger / Boulangère » sera transmis à 2 CFA");
    expect(recap?.text).toContain("les CFA recevront votre demande dès sa publication");

    // CFA Est opts out meanwhile (from an older email): its held request will not leave.
    await t.db.db
      .updateTable("training_organisations")
      .set({ requests_opted_out_at: t.clock.now() })
      .where("siret", "=", sirets["CFA Est"] as string)
      .execute();
    // The recruiter confirms their address: the account and its offers go live, the requests leave.
    await t.db.db
      .transaction()
      .execute((trx) => confirmPendingAccounts(trx, t.services.accounts, r.user.id, t.clock.now()));
    await t.flushMail();
    expect(t.smtp.to(email("nord"))).toHaveLength(1);
    expect(t.smtp.to(email("est"))).toHaveLength(0);
    const list = (
      await t.app.inject({ method: "GET", url: `/api/v1/offers/${id}/cfa-requests`, headers: { cookie: r.cookie } })
    ).json();
    expect(list.items.map((i: { cfa: { name: string }; status: string }) => [i.cfa.name, i.status])).toEqual([
      ["CFA Nord", "sent"],
      ["CFA Est", "cancelled"],
    ]);
    await t.db.db
      .updateTable("training_organisations")
      .set({ requests_opted_out_at: null })
      .where("siret", "=", sirets["CFA Est"] as string)
      .execute();
  });

  it("are sent by the safety-net job when an offer went live without the hook, once", async () => {
    const r = await recruiterWithCompany(t, { status: "pending_confirmation" });
    const id = await postOffer(r.cookie);
    await ask(id, r.cookie, [sirets["CFA Sud"] as string]);
    await t.db.db
      .updateTable("offers")
      .set({ status: "active", published_at: t.clock.now() })
      .where("id", "=", id)
      .execute();
    await t.flushMail();
    t.smtp.clear();
    const run = () =>
      runJob(
        sendHeldCfaRequestsJob,
        { config: t.config, mailer: t.mailer, now: t.clock.now(), log: () => {} },
        t.db,
        "test",
      );
    expect((await run()).summary).toEqual({ offers: 1, sent: 1 });
    expect((await run()).summary).toEqual({ offers: 0, sent: 0 });
    await t.flushMail();
    expect(t.smtp.to(email("sud"))).toHaveLength(1);
  });
});
