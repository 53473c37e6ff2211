import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recruiterWithCompany, signedIn } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { apply, candidate, cvPdf, recruiterWithOffer, tokenOf } from "./test-support.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 100_000, applicationsPerIpPerMinute: 100_000 } });
});
afterAll(async () => t?.close());
beforeEach(() => t.smtp.clear());

/** Applies, delivers, and returns the three answer links of the recruiter's email. */
async function receivedApplication() {
  const { recruiter, offerId } = await recruiterWithOffer(t);
  const who = candidate();
  const r = await apply(t, { offerId, ...who }, [cvPdf()]);
  await t.flushMail();
  const mail = t.smtp.to(recruiter.user.email).find((m) => m.subject.match(/^Candidature (de |d’|d')/));
  const links = mail?.links.filter((l) => l.includes("/candidatures/reponse?jeton=")) ?? [];
  const [interview, refuse, undecided] = links as [string, string, string];
  return {
    recruiter,
    offerId,
    candidateEmail: who.email as string,
    id: r.body.id as string,
    interview,
    refuse,
    undecided,
  };
}

const post = async (url: string, payload: object, headers: Record<string, string> = {}) => {
  const r = await t.app.inject({ method: "POST", url, payload, headers });
  return { status: r.statusCode, body: r.json(), raw: r.body };
};
const preview = (link: string) => post("/api/v1/applications/answer-link/preview", { token: tokenOf(link) });
const answer = (link: string, extra: object = {}) =>
  post("/api/v1/applications/answer-link", { token: tokenOf(link), ...extra });
const candidateMails = (email: string) => t.smtp.to(email).filter((m) => !m.subject.includes("a été envoyée"));

describe("one-click answers from the recruiter's email", () => {
  it("previews without changing anything, then « Je propose un entretien » reaches the candidate once", async () => {
    const a = await receivedApplication();
    expect(a.interview).toContain("http://tremplin.test/candidatures/reponse?jeton=");
    const before = await preview(a.interview);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      applicationId: a.id,
      decision: "interview",
      candidate: { firstName: "Inès", lastName: "Moreau" },
      status: "new",
      canAnswer: true,
    });
    expect((await preview(a.interview)).body.status).toBe("new");

    const first = await answer(a.interview, { message: "Appelez-moi lundi matin." });
    expect(first.body).toMatchObject({
      applicationId: a.id,
      decision: "interview",
      applied: true,
      status: "interview",
    });
    await t.flushMail();
    const [mail] = await t.smtp.waitFor(a.candidateEmail, 2);
    expect(candidateMails(a.candidateEmail).map((m) => m.subject)).toEqual([
      "Au Bon Pain d'Essai vous propose un entretien",
    ]);
    expect(mail).toBeDefined();
    const answerMail = candidateMails(a.candidateEmail)[0];
    expect(answerMail?.text).toContain("Appelez-moi lundi matin.");
    expect(answerMail?.text).not.toContain(a.recruiter.user.email);

    // A second click, or another answer's link afterwards: nothing changes, nothing is re-sent.
    const second = await answer(a.interview);
    expect(second.body).toMatchObject({ applied: false, status: "interview" });
    expect(second.body.message).toContain("Vous aviez déjà répondu");
    // An application only moves forward: « pas encore » after an interview changes nothing.
    const late = await answer(a.undecided);
    expect(late.body).toMatchObject({ applied: false, status: "interview" });
    expect((await preview(a.undecided)).body.canAnswer).toBe(false);
    expect((await preview(a.refuse)).body.canAnswer).toBe(true);
    await t.flushMail();
    expect(candidateMails(a.candidateEmail)).toHaveLength(1);
  });

  it("« Je refuse » needs a reason from the list; the candidate reads it with the optional message", async () => {
    const a = await receivedApplication();
    const missing = await answer(a.refuse);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([
      { path: "reason", message: "Choisissez le motif du refus : il aide le candidat." },
    ]);
    const unknown = await answer(a.refuse, { reason: "too_young" });
    expect(unknown.status).toBe(400);
    const html = await answer(a.refuse, { reason: "other", message: "<script>x</script>" });
    expect(html.status).toBe(400);

    const done = await answer(a.refuse, { reason: "position_filled", message: "Bonne continuation." });
    expect(done.body).toMatchObject({ applied: true, status: "refused" });
    await t.flushMail();
    const [mail] = candidateMails(a.candidateEmail);
    expect(mail?.subject).toBe("Réponse d'Au Bon Pain d'Essai à votre candidature");
    expect(mail?.text).toContain("Motif indiqué : Le poste est déjà pourvu.");
    expect(mail?.text).toContain("Bonne continuation.");
    // A refusal is final: the interview link of the same email changes nothing afterwards.
    expect((await answer(a.interview)).body).toMatchObject({ applied: false, status: "refused" });
    expect((await preview(a.interview)).body.canAnswer).toBe(false);
  });

  it("« Je ne sais pas encore » is not final: the recruiter can still answer later from the same email", async () => {
    const a = await receivedApplication();
    expect((await answer(a.undecided)).body).toMatchObject({ applied: true, status: "seen" });
    expect((await answer(a.undecided)).body.applied).toBe(false);
    expect((await answer(a.interview)).body).toMatchObject({ applied: true, status: "interview" });
    await t.flushMail();
    expect(candidateMails(a.candidateEmail).map((m) => m.subject)).toEqual([
      "Au Bon Pain d'Essai a bien reçu votre candidature",
      "Au Bon Pain d'Essai vous propose un entretien",
    ]);
  });

  it("refuses a tampered, expired or foreign token", async () => {
    const a = await receivedApplication();
    const token = tokenOf(a.interview);
    const tampered = `${token.slice(0, -2)}xx`;
    const bad = await post("/api/v1/applications/answer-link", { token: tampered });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("APPLICATION_ANSWER_LINK_INVALID");

    const start = t.clock.now();
    t.clock.set(new Date(start.getTime() + 91 * 86_400_000));
    expect((await answer(a.interview)).body.error.code).toBe("APPLICATION_ANSWER_LINK_INVALID");
    t.clock.set(start);
  });

  it("a bounced candidate address stops later emails to it: the answer is recorded, the email not sent", async () => {
    const { offerId } = await recruiterWithOffer(t);
    const who = candidate();
    t.smtp.bouncing.add(who.email as string);
    const r = await apply(t, { offerId, ...who });
    await t.flushMail();
    const copyEmail = await t.db.db
      .selectFrom("outbox_emails")
      .select(["template", "status"])
      .where("dedupe_key", "=", `application:${r.body.id}:copy`)
      .executeTakeFirstOrThrow();
    expect(copyEmail.status).toBe("failed");
    const mail = t.smtp.received.find((m) => m.subject.match(/^Candidature (de |d’|d')/));
    const link = mail?.links.find((l) => l.includes("jeton=")) as string;
    expect((await answer(link)).body.applied).toBe(true);
    const answerEmail = await t.db.db
      .selectFrom("outbox_emails")
      .select(["status", "last_error"])
      .where("dedupe_key", "=", `application:${r.body.id}:answer:interview`)
      .executeTakeFirstOrThrow();
    expect(answerEmail.status).toBe("cancelled");
    t.smtp.bouncing.delete(who.email as string);
  });
});

describe("answering from the recruiter's space", () => {
  it("lets the offer's manager answer, and no one else", async () => {
    const a = await receivedApplication();
    const url = `/api/v1/me/applications/${a.id}/answer`;
    const stranger = await recruiterWithCompany(t);
    const denied = await post(url, { decision: "interview" }, { cookie: stranger.cookie });
    expect(denied.status).toBe(404);
    expect(denied.body.error.code).toBe("APPLICATION_NOT_FOUND");
    const noReason = await post(url, { decision: "refused" }, { cookie: a.recruiter.cookie });
    expect(noReason.body.error.details[0].path).toBe("reason");
    const ok = await post(url, { decision: "interview" }, { cookie: a.recruiter.cookie });
    expect(ok.body).toMatchObject({ applied: true, status: "interview" });
    const change = await post(url, { decision: "undecided" }, { cookie: a.recruiter.cookie });
    expect(change.status).toBe(409);
    expect(change.body.error.code).toBe("APPLICATION_ALREADY_ANSWERED");
    const admin = await signedIn(t, "admin");
    expect((await post(url, { decision: "interview" }, { cookie: admin.cookie })).status).toBe(403);
  });
});
