import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertEstablishment, signedIn } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { runJob } from "../../jobs/runner.js";
import { opcoDigestJob } from "./opco-digest-job.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: "2026-03-02T09:00:00.000Z" });
});
afterAll(async () => t?.close());
beforeEach(() => t.smtp.clear());

let n = 0;
/** A confirmed (active) company account of the given OPCO, created through the API. */
async function activeAccount(opcoIdcc: number | undefined, opco?: string) {
  n++;
  const company = await insertEstablishment(t, { ...(opcoIdcc ? { idcc: opcoIdcc } : {}), brand: `Entreprise ${n}` });
  const email = `recruteur${n}@example.fr`;
  const created = await t.app.inject({
    method: "POST",
    url: "/api/v1/accounts",
    remoteAddress: `10.3.0.${n}`,
    payload: {
      type: "company",
      siret: company.siret,
      email,
      firstName: "Nina",
      lastName: "Roux",
      phone: "0612345678",
      ...(opco ? { opco } : {}),
    },
  });
  const id = created.json().id as string;
  await t.flushMail();
  const link = (await t.smtp.waitFor(email)).at(-1)?.links.find((l) => l.includes("jeton=")) as string;
  const verified = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/magic-link/verify",
    payload: { token: new URL(link).searchParams.get("jeton") },
  });
  t.smtp.clear();
  const cookie = verified.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return { id, email, company, cookie };
}

const call = async (method: "GET" | "POST", url: string, cookie: string, payload?: object) => {
  const r = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  return { status: r.statusCode, body: r.json() };
};

describe("OPCO space", () => {
  it("shows an adviser only their OPCO's accounts, and certifies with an email to the recruiter", async () => {
    const mine = await activeAccount(843); // OPCO EP
    const other = await activeAccount(1486); // another OPCO (Syntec → Atlas)
    const adviser = await signedIn(t, "opco", { opcoId: "opco-ep" });

    const list = await call("GET", "/api/v1/opco/accounts?status=waiting", adviser.cookie);
    expect(list.status).toBe(200);
    const ids = list.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(other.id);

    const card = await call("GET", `/api/v1/opco/accounts/${mine.id}`, adviser.cookie);
    expect(card.body).toMatchObject({
      status: "active",
      contact: { email: mine.email, phone: "0612345678" },
      company: { idcc: 843 },
    });
    expect((await call("GET", `/api/v1/opco/accounts/${other.id}`, adviser.cookie)).status).toBe(404);
    expect((await call("POST", `/api/v1/opco/accounts/${other.id}/certify`, adviser.cookie)).status).toBe(404);

    const certified = await call("POST", `/api/v1/opco/accounts/${mine.id}/certify`, adviser.cookie);
    expect(certified.status).toBe(200);
    expect(certified.body.status).toBe("certified");
    expect(certified.body.history.at(-1)).toMatchObject({
      action: "certify",
      fromStatus: "active",
      toStatus: "certified",
    });
    expect(certified.body.history.at(-1).actor).toMatch(/conseiller OPCO EP/);
    await t.flushMail();
    const [mail] = await t.smtp.waitFor(mine.email);
    expect(mail?.subject).toBe("Votre compte Tremplin est certifié par OPCO EP");

    const twice = await call("POST", `/api/v1/opco/accounts/${mine.id}/certify`, adviser.cookie);
    expect([twice.status, twice.body.error.code]).toEqual([409, "ACCOUNT_TRANSITION_INVALID"]);
  });

  it("undoes a certification: back to active with its audit entry, only for a certified account of the adviser's OPCO", async () => {
    const mine = await activeAccount(843);
    const other = await activeAccount(1486);
    const adviser = await signedIn(t, "opco", { opcoId: "opco-ep" });
    const notYet = await call("POST", `/api/v1/opco/accounts/${mine.id}/uncertify`, adviser.cookie);
    expect([notYet.status, notYet.body.error.code]).toEqual([409, "ACCOUNT_TRANSITION_INVALID"]);
    expect((await call("POST", `/api/v1/opco/accounts/${mine.id}/certify`, adviser.cookie)).status).toBe(200);
    expect((await call("POST", `/api/v1/opco/accounts/${other.id}/uncertify`, adviser.cookie)).status).toBe(404);

    const undone = await call("POST", `/api/v1/opco/accounts/${mine.id}/uncertify`, adviser.cookie);
    expect(undone.status).toBe(200);
    expect(undone.body.status).toBe("active");
    expect(undone.body.history.at(-1)).toMatchObject({
      action: "uncertify",
      fromStatus: "certified",
      toStatus: "active",
    });
    const row = await t.db.db
      .selectFrom("accounts")
      .select("certified_at")
      .where("id", "=", mine.id)
      .executeTakeFirstOrThrow();
    expect(row.certified_at).toBeNull();
  });

  it("rejects with a reason the recruiter receives, and requires a reason", async () => {
    const account = await activeAccount(843);
    const adviser = await signedIn(t, "opco", { opcoId: "opco-ep" });
    const noReason = await call("POST", `/api/v1/opco/accounts/${account.id}/reject`, adviser.cookie, { reason: "" });
    expect([noReason.status, noReason.body.error.code]).toEqual([400, "VALIDATION_ERROR"]);
    const rejected = await call("POST", `/api/v1/opco/accounts/${account.id}/reject`, adviser.cookie, {
      reason: "Entreprise sans activité salariée",
    });
    expect(rejected.body).toMatchObject({ status: "rejected", rejectionReason: "Entreprise sans activité salariée" });
    await t.flushMail();
    const [mail] = await t.smtp.waitFor(account.email);
    expect(mail?.text).toContain("« Entreprise sans activité salariée »");
    expect(mail?.text).toContain("Vos offres ne sont plus visibles");
    const me = await call("GET", "/api/v1/me", account.cookie);
    expect(me.body.organisations).toEqual([
      expect.objectContaining({ status: "rejected", rejectionReason: "Entreprise sans activité salariée" }),
    ]);
  });

  it("'not our OPCO' sends the account to the admin queue, where an admin assigns the right OPCO", async () => {
    const account = await activeAccount(843);
    const adviser = await signedIn(t, "opco", { opcoId: "opco-ep" });
    const admin = await signedIn(t, "admin");
    const released = await call("POST", `/api/v1/opco/accounts/${account.id}/not-our-opco`, adviser.cookie, {
      comment: "Relève du BTP",
    });
    expect(released.body).toEqual({ id: account.id, queued: true });
    expect((await call("GET", `/api/v1/opco/accounts/${account.id}`, adviser.cookie)).status).toBe(404);

    const queue = await call("GET", "/api/v1/admin/accounts?opco=none&status=all", admin.cookie);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(account.id);
    const assigned = await call("POST", `/api/v1/admin/accounts/${account.id}/assign-opco`, admin.cookie, {
      opcoId: "opco-construction",
    });
    expect(assigned.body.opco).toEqual({ id: "opco-construction", name: "Constructys" });
    expect(assigned.body.opcoSource).toBe("admin");
    expect(assigned.body.history.map((h: { action: string }) => h.action)).toEqual([
      "sign_up",
      "confirm",
      "not_our_opco",
      "assign_opco",
    ]);
    const bad = await call("POST", `/api/v1/admin/accounts/${account.id}/assign-opco`, admin.cookie, {
      opcoId: "nope",
    });
    expect(bad.body.error.code).toBe("OPCO_UNKNOWN");
  });

  it("accounts of unknown OPCO wait in the admin queue from the start", async () => {
    const account = await activeAccount(undefined, "unknown");
    const admin = await signedIn(t, "admin");
    const queue = await call("GET", "/api/v1/admin/accounts?opco=none&status=waiting", admin.cookie);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(account.id);
  });

  it("an admin disables and re-enables an account, with the audit trail", async () => {
    const account = await activeAccount(843);
    const admin = await signedIn(t, "admin");
    const disabled = await call("POST", `/api/v1/admin/accounts/${account.id}/disable`, admin.cookie, {
      reason: "Offres frauduleuses signalées",
    });
    expect(disabled.body.status).toBe("disabled");
    const enabled = await call("POST", `/api/v1/admin/accounts/${account.id}/enable`, admin.cookie, {
      reason: "Vérification faite avec l'OPCO",
    });
    expect(enabled.body.status).toBe("active");
  });
});

describe("accounts:opco-digest", () => {
  it("emails each adviser the accounts confirmed in the last 24 h, once per day however often it runs", async () => {
    const adviserA = await signedIn(t, "opco", { opcoId: "atlas" });
    const adviserB = await signedIn(t, "opco", { opcoId: "atlas" });
    await signedIn(t, "opco", { opcoId: "ocapiat" }); // nothing new for this OPCO
    const fresh = await activeAccount(1486); // Syntec → Atlas
    const now = new Date(t.clock.now().getTime() + 3_600_000);
    const run = () => runJob(opcoDigestJob, { config: t.config, mailer: t.mailer, now, log: () => {} }, t.db, "test");
    const first = await run();
    expect(first.status).toBe("succeeded");
    const second = await run();
    expect(second.summary).toMatchObject({ emailsQueued: 0 });
    await t.flushMail();
    // Earlier tests of this file also confirmed Atlas accounts today: count them independently.
    const expected = await t.db.db
      .selectFrom("accounts")
      .select("id")
      .where("opco_id", "=", "atlas")
      .where("status", "=", "active")
      .execute();
    expect(expected.length).toBeGreaterThanOrEqual(1);
    for (const adviser of [adviserA, adviserB]) {
      const mails = t.smtp.to(adviser.user.email);
      expect(mails).toHaveLength(1);
      const plural = expected.length > 1 ? "s" : "";
      expect(mails[0]?.subject).toBe(
        `${expected.length} nouvelle${plural} entreprise${plural} à certifier sur Tremplin (Atlas)`,
      );
      expect(mails[0]?.text).toContain(fresh.company.siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1 $2 $3 $4"));
      expect(mails[0]?.links).toContain("http://tremplin.test/opco");
    }
    // A day later, nothing new: nobody is emailed.
    t.smtp.clear();
    const nextDay = new Date(now.getTime() + 86_400_000);
    const later = await runJob(
      opcoDigestJob,
      { config: t.config, mailer: t.mailer, now: nextDay, log: () => {} },
      t.db,
      "test",
    );
    expect(later.summary).toMatchObject({ emailsQueued: 0 });
    const runs = await t.db.db
      .selectFrom("job_runs")
      .select(["job", "status"])
      .where("job", "=", "accounts:opco-digest")
      .execute();
    expect(runs.length).toBeGreaterThanOrEqual(3);
  });
});
