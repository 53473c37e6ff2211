import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertEstablishment, insertOffer, signedIn } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { publishRun } from "./publication-service.js";
import { scoreRun } from "./scoring-service.js";
import { findExposedCompanies } from "./search-service.js";
import { loadTestData, testRunDeps } from "./test-support.js";

let t: TestApp;
let admin: { cookie: string };

beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 100_000 } });
  await loadTestData(t.db);
  const { runId } = await scoreRun(await testRunDeps(t.db), { trigger: "test" });
  await publishRun(t.db.db, { runId, actor: "test", now: new Date() });
  admin = await signedIn(t, "admin");
}, 180_000);
afterAll(async () => t?.close());
beforeEach(() => t.smtp.clear());

let ip = 0;
const call = async (
  method: "GET" | "POST" | "PATCH",
  url: string,
  options: { cookie?: string; payload?: object } = {},
) => {
  ip++;
  const r = await t.app.inject({
    method,
    url,
    remoteAddress: `10.9.${Math.floor(ip / 250)}.${ip % 250}`,
    ...(options.cookie ? { headers: { cookie: options.cookie } } : {}),
    ...(options.payload ? { payload: options.payload } : {}),
  });
  return { status: r.statusCode, body: r.body.startsWith("{") ? r.json() : r.body, headers: r.headers };
};

/** Exposed companies of the published run, most jobs first. */
async function exposedSirets(): Promise<string[]> {
  const rows = await t.db.db
    .selectFrom("algo_exposed as x")
    .innerJoin("algo_publication as p", "p.active_run_id", "x.run_id")
    .select(["x.siret", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("x.siret")
    .orderBy("n", "desc")
    .orderBy("x.siret")
    .execute();
  return rows.map((r) => r.siret);
}

async function inSearch(siret: string): Promise<boolean> {
  const position = await t.db.db
    .selectFrom("establishments")
    .select(["lat", "lon"])
    .where("siret", "=", siret)
    .executeTakeFirstOrThrow();
  const romes = (
    await t.db.db.selectFrom("algo_exposed").select("rome_code").distinct().where("siret", "=", siret).execute()
  ).map((r) => r.rome_code);
  const page = await findExposedCompanies(t.db.db, {
    romes,
    lat: position.lat as number,
    lon: position.lon as number,
    radiusKm: 5,
    limit: 100,
    day: "2026-03-02",
  });
  return page.items.some((h) => h.siret === siret);
}

async function newRunPublished(): Promise<number> {
  const { runId } = await scoreRun(await testRunDeps(t.db), { trigger: "test" });
  await publishRun(t.db.db, { runId, actor: "test", now: new Date() });
  return runId;
}

describe("fiche publique d'une entreprise exposée", () => {
  it("montre métiers, score et explication, jamais de contact ; 404 pour une entreprise non exposée", async () => {
    const [siret] = await exposedSirets();
    await call("PATCH", `/api/v1/admin/algo/companies/${siret}`, {
      cookie: admin.cookie,
      payload: {
        contact: { firstName: "Léa", lastName: "Martin", email: "contact@entreprise-fictive.fr", phone: "0612345678" },
      },
    });
    const card = await call("GET", `/api/v1/companies/${siret}/recruiting`);
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({ siret, asOf: "2026-01-01", position: { lat: expect.any(Number) } });
    expect(card.body.jobs.length).toBeGreaterThan(0);
    expect(card.body.jobs[0]).toMatchObject({ romeCode: expect.stringMatching(/^[A-N]\d{4}$/), declared: false });
    expect(JSON.stringify(card.body)).not.toMatch(/@|predicted/);
    expect(card.body.openOffers).toEqual([]);
    // An offer online is shown on the card (better than a spontaneous application); a closed one is not.
    const online = await insertOffer(t, { siret, title: "Boulanger (offre en ligne)" });
    await insertOffer(t, { siret, status: "filled" });
    const withOffer = await call("GET", `/api/v1/companies/${siret}/recruiting`);
    expect(withOffer.body.openOffers).toEqual([
      {
        id: online.id,
        title: "Boulanger (offre en ligne)",
        city: expect.anything(),
        url: expect.stringContaining(`/offres/${online.id}`),
      },
    ]);
    const none = await insertEstablishment(t);
    expect((await call("GET", `/api/v1/companies/${none.siret}/recruiting`)).body.error.code).toBe(
      "ALGO_COMPANY_NOT_EXPOSED",
    );
    expect((await call("GET", "/api/v1/companies/123/recruiting")).body.error.code).toBe("SIRET_INVALID");
  });
});

describe("Déréférencer mon entreprise", () => {
  it("e-mail du contact → clic → absente de la recherche, y compris après le calcul suivant", async () => {
    const siret = (await exposedSirets())[0] as string;
    expect(await inSearch(siret)).toBe(true);
    const asked = await call("POST", `/api/v1/companies/${siret}/delisting-requests`, {
      payload: { email: "Contact@Entreprise-Fictive.fr", reason: "Nous ne prenons pas d'alternants" },
    });
    expect(asked.status).toBe(202);
    expect(asked.body.status).toBe("received");
    await t.flushMail();
    const [mail] = await t.smtp.waitFor("contact@entreprise-fictive.fr");
    expect(mail?.subject).toMatch(/^Confirmez le retrait (de |d')/);
    const link = mail?.links.find((l) => l.includes("/entreprises/dereferencement/confirmation?jeton=")) as string;
    expect(link.startsWith("http://tremplin.test/")).toBe(true);
    // Still listed until the click.
    expect(await inSearch(siret)).toBe(true);
    const token = new URL(link).searchParams.get("jeton");
    const confirmed = await call("POST", "/api/v1/companies/delisting-confirmations", { payload: { token } });
    expect(confirmed.body).toMatchObject({ siret, applied: true });
    expect(await inSearch(siret)).toBe(false);
    expect((await call("GET", `/api/v1/companies/${siret}/recruiting`)).status).toBe(404);
    await t.flushMail();
    const done = (await t.smtp.waitFor("contact@entreprise-fictive.fr")).at(-1);
    expect(done?.subject).toMatch(/ne figure plus sur Tremplin$/);
    const again = await call("POST", "/api/v1/companies/delisting-confirmations", { payload: { token } });
    expect(again.body.applied).toBe(false);
    const twice = await call("POST", `/api/v1/companies/${siret}/delisting-requests`, {
      payload: { email: "x@y.fr", reason: "encore" },
    });
    expect(twice.body.error.code).toBe("ALGO_ALREADY_DELISTED");

    const runId = await newRunPublished();
    const rows = await t.db.db
      .selectFrom("algo_exposed")
      .select("siret")
      .where("run_id", "=", runId)
      .where("siret", "=", siret)
      .execute();
    expect(rows).toEqual([]);
    expect(await inSearch(siret)).toBe(false);
    expect((await call("GET", `/api/v1/companies/${siret}/recruiting`)).status).toBe(404);
  }, 120_000);

  it("d'une adresse inconnue : file de l'administration, acceptée ou refusée avec un e-mail", async () => {
    const [a, b] = (await exposedSirets()).slice(3, 5) as [string, string];
    for (const siret of [a, b]) {
      const r = await call("POST", `/api/v1/companies/${siret}/delisting-requests`, {
        payload: { email: "inconnu@exemple.fr", reason: "Fermeture prévue" },
      });
      expect(r.status).toBe(202);
    }
    await t.flushMail();
    expect((await t.smtp.waitFor("inconnu@exemple.fr")).map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Votre demande de retrait (de |d').* est bien reçue$/),
      expect.stringMatching(/^Votre demande de retrait (de |d').* est bien reçue$/),
    ]);
    expect(await inSearch(a)).toBe(true);
    const queue = await call("GET", "/api/v1/admin/algo/delisting-requests", { cookie: admin.cookie });
    const ids = Object.fromEntries(queue.body.items.map((i: { siret: string; id: string }) => [i.siret, i.id]));
    expect(queue.body.items[0]).toMatchObject({
      status: "pending_review",
      statusLabel: "À examiner",
      email: "inconnu@exemple.fr",
    });
    const accepted = await call("POST", `/api/v1/admin/algo/delisting-requests/${ids[a]}/accept`, {
      cookie: admin.cookie,
    });
    expect(accepted.body).toMatchObject({ status: "done", decidedBy: expect.stringMatching(/administration/) });
    expect(await inSearch(a)).toBe(false);
    const refused = await call("POST", `/api/v1/admin/algo/delisting-requests/${ids[b]}/refuse`, {
      cookie: admin.cookie,
      payload: { reason: "Demande sans lien avec l'entreprise" },
    });
    expect(refused.body.status).toBe("refused");
    expect(await inSearch(b)).toBe(true);
    const again = await call("POST", `/api/v1/admin/algo/delisting-requests/${ids[b]}/accept`, {
      cookie: admin.cookie,
    });
    expect(again.body.error.code).toBe("ALGO_REQUEST_ALREADY_DECIDED");
    await t.flushMail();
    const mails = (await t.smtp.waitFor("inconnu@exemple.fr")).map((m) => m.subject);
    expect(mails.some((s) => /ne figure plus sur Tremplin$/.test(s))).toBe(true);
    expect(mails.some((s) => /n'a pas été acceptée$/.test(s))).toBe(true);
  });
});

describe("Référencer mon entreprise", () => {
  it("demande → conseiller de l'OPCO de l'entreprise → exposée pour ses métiers, aussi au calcul suivant", async () => {
    const bakery = await insertEstablishment(t, { idcc: 843, brand: "Boulangerie Référencée" }); // OPCO EP
    const body = {
      contact: { firstName: "Inès", lastName: "Robert", email: "ines@boulangerie.fr", phone: "06 11 22 33 44" },
      romes: ["D1102", "d1106"],
      message: "Nous formons un apprenti chaque année.",
    };
    expect(
      (
        await call("POST", `/api/v1/companies/${bakery.siret}/listing-requests`, {
          payload: { ...body, romes: ["A9999"] },
        })
      ).body.error.code,
    ).toBe("ALGO_JOB_UNKNOWN");
    const asked = await call("POST", `/api/v1/companies/${bakery.siret}/listing-requests`, { payload: body });
    expect(asked.status).toBe(202);
    await t.flushMail();
    expect((await t.smtp.waitFor("ines@boulangerie.fr"))[0]?.subject).toMatch(
      /demande de référencement .* est bien reçue/,
    );

    const other = await signedIn(t, "opco", { opcoId: "atlas" });
    const mine = await signedIn(t, "opco", { opcoId: "opco-ep" });
    const otherQueue = await call("GET", "/api/v1/algo/listing-requests", { cookie: other.cookie });
    expect(otherQueue.body.items).toEqual([]);
    const queue = await call("GET", "/api/v1/algo/listing-requests", { cookie: mine.cookie });
    const request = queue.body.items.find((i: { siret: string }) => i.siret === bakery.siret);
    expect(request).toMatchObject({
      opco: { id: "opco-ep" },
      contact: { phone: "0611223344" },
      romes: [{ code: "D1102" }, { code: "D1106" }],
    });
    expect(
      (await call("POST", `/api/v1/algo/listing-requests/${request.id}/accept`, { cookie: other.cookie })).status,
    ).toBe(404);

    const accepted = await call("POST", `/api/v1/algo/listing-requests/${request.id}/accept`, { cookie: mine.cookie });
    expect(accepted.body).toMatchObject({ status: "accepted", decidedBy: expect.stringMatching(/conseiller OPCO EP/) });
    await t.flushMail();
    const mail = (await t.smtp.waitFor("ines@boulangerie.fr")).at(-1);
    expect(mail?.subject).toMatch(/figure désormais parmi les entreprises qui recrutent/);
    expect(mail?.text).toMatch(/Boulangerie et viennoiserie|boulangerie/i);
    const card = await call("GET", `/api/v1/companies/${bakery.siret}/recruiting`);
    expect(card.body.jobs.map((j: { romeCode: string; declared: boolean }) => [j.romeCode, j.declared]).sort()).toEqual(
      [
        ["D1102", true],
        ["D1106", true],
      ],
    );
    await newRunPublished();
    const after = await call("GET", `/api/v1/companies/${bakery.siret}/recruiting`);
    expect(after.body.jobs.map((j: { romeCode: string }) => j.romeCode).sort()).toEqual(["D1102", "D1106"]);
    // The company's contact is now known: a removal from that address needs only the click.
    await call("POST", `/api/v1/companies/${bakery.siret}/delisting-requests`, {
      payload: { email: "ines@boulangerie.fr", reason: "Plus de place" },
    });
    await t.flushMail();
    expect((await t.smtp.waitFor("ines@boulangerie.fr")).at(-1)?.subject).toMatch(/^Confirmez le retrait/);
  }, 120_000);

  it("refuse un organisme de formation, un établissement fermé ou non diffusible", async () => {
    const payload = {
      contact: { firstName: "A", lastName: "B", email: "a@b.fr", phone: "0612345678" },
      romes: ["D1102"],
    };
    const cfa = await insertEstablishment(t, { naf_code: "8559A" });
    const closed = await insertEstablishment(t, { admin_state: "F" });
    const hidden = await insertEstablishment(t, { diffusion: "P" });
    expect((await call("POST", `/api/v1/companies/${cfa.siret}/listing-requests`, { payload })).body.error.code).toBe(
      "ALGO_TRAINING_ORGANISATION",
    );
    expect(
      (await call("POST", `/api/v1/companies/${closed.siret}/listing-requests`, { payload })).body.error.code,
    ).toBe("SIRET_CLOSED");
    expect(
      (await call("POST", `/api/v1/companies/${hidden.siret}/listing-requests`, { payload })).body.error.code,
    ).toBe("SIRET_NOT_DIFFUSIBLE");
  });
});

describe("administration de l'exposition et des calculs", () => {
  it("retire un métier, en ajoute un, met en avant, avec effet immédiat et historique", async () => {
    const siret = (await exposedSirets())[6] as string;
    const before = await call("GET", `/api/v1/admin/algo/companies/${siret}`, { cookie: admin.cookie });
    const job = before.body.jobs[0].romeCode as string;
    const edited = await call("PATCH", `/api/v1/admin/algo/companies/${siret}`, {
      cookie: admin.cookie,
      payload: { removeRomes: [job], addRomes: ["M1607"], boost: 20 },
    });
    expect(edited.status).toBe(200);
    const jobs = edited.body.jobs.map((j: { romeCode: string }) => j.romeCode);
    expect(jobs).not.toContain(job);
    expect(jobs).toContain("M1607");
    expect(edited.body).toMatchObject({
      boost: 20,
      overrides: expect.arrayContaining([{ romeCode: job, romeLabel: expect.any(String), action: "remove" }]),
    });
    expect(edited.body.history.at(-1)).toMatchObject({
      action: "edited",
      actor: expect.stringMatching(/administration/),
    });
    const boosted = await t.db.db
      .selectFrom("algo_exposed as x")
      .innerJoin("algo_publication as p", "p.active_run_id", "x.run_id")
      .select("x.boost")
      .where("x.siret", "=", siret)
      .execute();
    expect(boosted.every((r) => r.boost === 20)).toBe(true);
    const reset = await call("PATCH", `/api/v1/admin/algo/companies/${siret}`, {
      cookie: admin.cookie,
      payload: { resetRomes: [job] },
    });
    expect(reset.body.jobs.map((j: { romeCode: string }) => j.romeCode)).toContain(job);
  });

  it("liste les calculs, sert le rapport (Markdown, SVG), publie et revient en arrière", async () => {
    const { evaluateRun } = await import("./scoring-service.js");
    const evaluation = await evaluateRun(await testRunDeps(t.db), { trigger: "test" });
    const list = await call("GET", "/api/v1/admin/algo/runs", { cookie: admin.cookie });
    const active = list.body.items.find((r: { active: boolean }) => r.active);
    const previous = list.body.items.find((r: { previous: boolean }) => r.previous);
    expect(active).toMatchObject({ kind: "score", status: "succeeded", exposedCompanies: expect.any(Number) });
    const detail = await call("GET", `/api/v1/admin/algo/runs/${evaluation.runId}`, { cookie: admin.cookie });
    expect(detail.body).toMatchObject({
      kind: "evaluate",
      hasReport: true,
      reportSvgUrl: `/api/v1/admin/algo/runs/${evaluation.runId}/report.svg`,
    });
    expect(detail.body.report.models.length).toBeGreaterThanOrEqual(3);
    // La Bonne Boîte's measure of the backtest, and no realised outcome for an evaluation.
    expect(detail.body.backtestShares.overall).toHaveLength(9);
    expect(detail.body.backtestShares.regions.length).toBeGreaterThan(3);
    expect(detail.body.outcome).toBeNull();
    const md = await call("GET", detail.body.reportMarkdownUrl, { cookie: admin.cookie });
    expect([md.status, md.headers["content-type"]]).toEqual([200, "text/markdown; charset=utf-8"]);
    expect(md.body).toMatch(/!\[.*\]\(report\.svg\)/);
    const svg = await call("GET", detail.body.reportSvgUrl, { cookie: admin.cookie });
    expect(svg.headers["content-type"]).toBe("image/svg+xml");
    expect(svg.body.startsWith("<svg")).toBe(true);
    expect(
      (await call("GET", `/api/v1/admin/algo/runs/${active.id}/report.svg`, { cookie: admin.cookie })).body.error.code,
    ).toBe("ALGO_REPORT_UNAVAILABLE");

    const back = await call("POST", "/api/v1/admin/algo/rollback", { cookie: admin.cookie });
    expect(back.body).toMatchObject({ activeRunId: previous.id, previousRunId: active.id });
    const again = await call("POST", `/api/v1/admin/algo/runs/${active.id}/publish`, { cookie: admin.cookie });
    expect(again.body).toMatchObject({ activeRunId: active.id, previousRunId: previous.id });
    expect(
      (await call("POST", `/api/v1/admin/algo/runs/${evaluation.runId}/publish`, { cookie: admin.cookie })).body.error
        .code,
    ).toBe("ALGO_RUN_NOT_PUBLISHABLE");
  }, 120_000);

  it("documente ses routes dans l'OpenAPI", async () => {
    const doc = await call("GET", "/api/docs/openapi.json");
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/companies/{siret}/recruiting",
        "/api/v1/companies/{siret}/delisting-requests",
        "/api/v1/companies/delisting-confirmations",
        "/api/v1/algo/listing-requests/{id}/accept",
        "/api/v1/admin/algo/runs/{id}/report.svg",
      ]),
    );
    expect(JSON.stringify(doc.body.components?.schemas ?? {})).toMatch(/RecruitingCompany/);
  });
});
