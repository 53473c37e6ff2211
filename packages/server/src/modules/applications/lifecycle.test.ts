import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recruiterWithCompany, signedIn } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import type { JobDefinition } from "../../jobs/job.js";
import { runJob } from "../../jobs/runner.js";
import { hashToken, newToken } from "../accounts/tokens.js";
import { cvRetentionJob } from "./jobs.js";
import { applicationsDigestJob, candidateFollowUpJob, nudgeApplicationsJob } from "./lifecycle-jobs.js";
import { apply, candidate, cvPdf, pdfBytes, recruiterWithOffer } from "./test-support.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    now: "2026-03-02T09:00:00.000Z",
    config: { rateLimitPerMinute: 100_000, applicationsPerIpPerMinute: 100_000 },
  });
});
afterAll(async () => t?.close());
beforeEach(() => t.smtp.clear());

const call = async (method: "GET" | "POST" | "PATCH", url: string, cookie: string, payload?: object) => {
  const r = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  return {
    status: r.statusCode,
    body: String(r.headers["content-type"] ?? "").includes("json") ? r.json() : null,
    raw: r.rawPayload,
  };
};
const run = (job: JobDefinition, now: string) =>
  runJob(job, { config: t.config, mailer: t.mailer, now: new Date(now), log: () => {} }, t.db, "test");
const keysLike = async (pattern: string) =>
  (
    await t.db.db
      .selectFrom("outbox_emails")
      .select("dedupe_key")
      .where("dedupe_key", "like", pattern)
      .orderBy("dedupe_key")
      .execute()
  ).map((r) => r.dedupe_key);

/** A session for the candidate user the application created (as the magic link would open). */
async function candidateSession(email: string) {
  const user = await t.db.db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
  const token = newToken();
  const now = t.clock.now();
  await t.db.db
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      user_id: user.id,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + 365 * 86_400_000),
    })
    .execute();
  return { user, cookie: `tremplin_session=${t.app.signCookie(token)}` };
}

/** A recruiter's offer, an application to it with a CV, and the candidate signed in. */
async function applied(cv = pdfBytes(2000)) {
  const { recruiter, offerId } = await recruiterWithOffer(t);
  const who = candidate();
  const r = await apply(t, { offerId, ...who }, [cvPdf(cv)]);
  expect(r.status).toBe(201);
  const me = await candidateSession(who.email as string);
  return { recruiter, offerId, id: r.body.id as string, candidate: me, email: who.email as string, cv };
}

describe("the candidate follows an application the recruiter answers from the inbox", () => {
  it("statuses reach the candidate, the private note never does; a stranger sees and changes nothing", async () => {
    const a = await applied();
    const inbox = `/api/v1/me/received-applications/${a.id}`;

    const list = await call("GET", "/api/v1/me/sent-applications", a.candidate.cookie);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: a.id, status: "new", statusLabel: "Nouvelle", canWithdraw: true, answer: null }),
    ]);
    expect(list.body.items[0].target).toMatchObject({ kind: "offer", offerOpen: true });

    const interview = await call("PATCH", inbox, a.recruiter.cookie, {
      status: "interview",
      message: "Venez mardi à 10 h.",
      note: "Très motivée — SECRET-NOTE",
    });
    expect(interview.status).toBe(200);
    expect(interview.body).toMatchObject({ applied: true, application: { status: "interview", cvAvailable: true } });
    expect(interview.body.application.note).toBe("Très motivée — SECRET-NOTE");

    const seen = await call("GET", "/api/v1/me/sent-applications", a.candidate.cookie);
    expect(seen.body.items[0]).toMatchObject({
      status: "interview",
      statusLabel: "Entretien",
      answer: { message: "Venez mardi à 10 h.", reason: null },
    });
    expect(seen.raw.toString()).not.toContain("SECRET-NOTE");
    expect(seen.raw.toString()).not.toContain(a.recruiter.user.email);
    await t.flushMail();
    const mail = t.smtp.to(a.email).find((m) => m.subject.includes("vous propose un entretien"));
    expect(mail?.text).toContain("Venez mardi à 10 h.");
    expect(mail?.text).not.toContain("SECRET-NOTE");

    // Backwards is refused; the same status only saves the note.
    expect((await call("PATCH", inbox, a.recruiter.cookie, { status: "seen" })).body.error.code).toBe(
      "APPLICATION_STATUS_CHANGE_INVALID",
    );
    const same = await call("PATCH", inbox, a.recruiter.cookie, { status: "interview", note: "" });
    expect(same.body).toMatchObject({ applied: false, application: { note: null } });
    const noReason = await call("PATCH", inbox, a.recruiter.cookie, { status: "refused" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe("reason");

    // Another SIRET's recruiter: not in their inbox, no change, no CV.
    const stranger = await recruiterWithCompany(t);
    const theirs = await call("GET", "/api/v1/me/received-applications", stranger.cookie);
    expect(theirs.body.items.map((i: { id: string }) => i.id)).not.toContain(a.id);
    expect((await call("PATCH", inbox, stranger.cookie, { status: "refused", reason: "other" })).status).toBe(404);
    expect((await call("GET", `${inbox}/cv`, stranger.cookie)).status).toBe(404);
    // Another candidate: not in their list, and cannot withdraw it.
    const other = await signedIn(t, "candidate");
    expect((await call("GET", "/api/v1/me/sent-applications", other.cookie)).body.items).toEqual([]);
    expect((await call("POST", `/api/v1/me/sent-applications/${a.id}/withdraw`, other.cookie)).status).toBe(404);
  });

  it("withdrawing tells the recruiter once and freezes the status; a contract can be declared", async () => {
    const a = await applied();
    const withdrawn = await call("POST", `/api/v1/me/sent-applications/${a.id}/withdraw`, a.candidate.cookie);
    expect(withdrawn.body).toMatchObject({ status: "withdrawn", canWithdraw: false });
    const again = await call("POST", `/api/v1/me/sent-applications/${a.id}/withdraw`, a.candidate.cookie);
    expect(again.body.error.code).toBe("APPLICATION_WITHDRAW_INVALID");
    const patch = await call("PATCH", `/api/v1/me/received-applications/${a.id}`, a.recruiter.cookie, {
      status: "interview",
    });
    expect(patch.body.error.code).toBe("APPLICATION_WITHDRAWN");
    await t.flushMail();
    expect(t.smtp.to(a.recruiter.user.email).filter((m) => m.subject.includes("a retiré sa candidature"))).toHaveLength(
      1,
    );

    const b = await applied();
    const signed = await call("POST", `/api/v1/me/sent-applications/${b.id}/contract-signed`, b.candidate.cookie);
    expect(signed.body.contractSignedAt).toBe("2026-03-02T09:00:00.000Z");
  });
});

describe("the recruiter's inbox", () => {
  it("filters by status and kind, pages with a cursor, counts per status", async () => {
    const { recruiter, offerId } = await recruiterWithOffer(t);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      t.clock.advanceMs(60_000);
      ids.push((await apply(t, { offerId, ...candidate() }, [cvPdf()])).body.id);
    }
    await call("PATCH", `/api/v1/me/received-applications/${ids[0]}`, recruiter.cookie, {
      status: "refused",
      reason: "profile_mismatch",
    });
    const first = await call("GET", "/api/v1/me/received-applications?limit=2", recruiter.cookie);
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.counts).toMatchObject({ total: 3, new: 2, refused: 1 });
    expect(first.body.offers).toEqual([expect.objectContaining({ id: offerId })]);
    const next = await call(
      "GET",
      `/api/v1/me/received-applications?limit=2&cursor=${first.body.nextCursor}`,
      recruiter.cookie,
    );
    expect(next.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    expect(next.body.nextCursor).toBeNull();
    const refused = await call("GET", "/api/v1/me/received-applications?status=refused", recruiter.cookie);
    expect(refused.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    const spontaneous = await call("GET", "/api/v1/me/received-applications?kind=company", recruiter.cookie);
    expect(spontaneous.body.items).toEqual([]);
    expect((await call("GET", "/api/v1/me/received-applications?cursor=bad", recruiter.cookie)).status).toBe(400);
  });

  it("hired fills the offer's positions: the page is offered to close it, with the reason and the candidate", async () => {
    const a = await applied();
    const hired = await call("PATCH", `/api/v1/me/received-applications/${a.id}`, a.recruiter.cookie, {
      status: "hired",
    });
    expect(hired.body.offerToClose).toMatchObject({ offerId: a.offerId, positions: 1, hires: 1 });
    const missing = await call("POST", `/api/v1/me/offers/${a.offerId}/close`, a.recruiter.cookie, {
      reason: "hired_tremplin",
    });
    expect(missing.status).toBe(400);
    const foreign = await applied();
    const wrong = await call("POST", `/api/v1/me/offers/${a.offerId}/close`, a.recruiter.cookie, {
      reason: "hired_tremplin",
      applicationId: foreign.id,
    });
    expect(wrong.body.error.code).toBe("OFFER_CLOSE_APPLICATION_INVALID");
    const closed = await call("POST", `/api/v1/me/offers/${a.offerId}/close`, a.recruiter.cookie, {
      reason: "hired_tremplin",
      applicationId: a.id,
    });
    expect(closed.body.status).toBe("filled");
    const offer = await t.db.db
      .selectFrom("offers")
      .select(["close_reason", "hired_application_id"])
      .where("id", "=", a.offerId)
      .executeTakeFirstOrThrow();
    expect(offer).toEqual({ close_reason: "hired_tremplin", hired_application_id: a.id });
    const elsewhere = await applied();
    const cancelled = await call("POST", `/api/v1/me/offers/${elsewhere.offerId}/close`, elsewhere.recruiter.cookie, {
      reason: "no_longer_needed",
    });
    expect(cancelled.body.status).toBe("cancelled");
  });
});

describe("CVs kept encrypted for CV_RETENTION_DAYS", () => {
  it("the member downloads the same bytes; the database holds only ciphertext; the daily job deletes it", async () => {
    // Earlier tests move the shared clock: start this one at a known time.
    t.clock.set("2026-03-02T09:00:00.000Z");
    const a = await applied(pdfBytes(5000));
    const cv = await call("GET", `/api/v1/me/received-applications/${a.id}/cv`, a.recruiter.cookie);
    expect(cv.status).toBe(200);
    expect(Buffer.compare(cv.raw, a.cv)).toBe(0);
    const stored = await t.db.db
      .selectFrom("application_cvs")
      .selectAll()
      .where("application_id", "=", a.id)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(stored.ciphertext).includes(Buffer.from("%PDF-"))).toBe(false);
    expect(new Date(stored.delete_after).toISOString()).toBe("2026-05-01T09:00:00.000Z");

    await run(cvRetentionJob, "2026-04-30T09:00:00.000Z");
    expect((await call("GET", `/api/v1/me/received-applications/${a.id}/cv`, a.recruiter.cookie)).status).toBe(200);
    await run(cvRetentionJob, "2026-05-01T09:15:00.000Z");
    const gone = await call("GET", `/api/v1/me/received-applications/${a.id}/cv`, a.recruiter.cookie);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe("APPLICATION_CV_GONE");
  });
});

describe("reminders and follow-ups", () => {
  it("nudges the recruiter once at 3 days and once at 7, digests weekly, and follows up the candidate once", async () => {
    t.clock.set("2026-06-01T08:00:00.000Z");
    const a = await applied();
    await t.flushMail();
    const nudges = () => keysLike(`application:${a.id}:nudge:%`);
    await run(nudgeApplicationsJob, "2026-06-03T09:00:00.000Z");
    expect(await nudges()).toEqual([]);
    await run(nudgeApplicationsJob, "2026-06-04T09:00:00.000Z");
    await run(nudgeApplicationsJob, "2026-06-05T09:00:00.000Z");
    expect(await nudges()).toEqual([`application:${a.id}:nudge:3`]);
    await run(nudgeApplicationsJob, "2026-06-08T09:00:00.000Z");
    await run(nudgeApplicationsJob, "2026-06-09T09:00:00.000Z");
    expect(await nudges()).toEqual([`application:${a.id}:nudge:3`, `application:${a.id}:nudge:7`]);
    await t.flushMail();
    const reminder = t.smtp.to(a.recruiter.user.email).find((m) => m.subject.includes("attend votre réponse depuis 3"));
    expect(reminder?.links.filter((l) => l.includes("/candidatures/reponse?jeton="))).toHaveLength(3);

    const digest = await run(applicationsDigestJob, "2026-06-08T08:00:00.000Z");
    expect(digest.summary).toMatchObject({ digests: expect.any(Number) });
    expect(await keysLike(`applications-digest:${a.recruiter.user.email}:%`)).toHaveLength(1);
    await run(applicationsDigestJob, "2026-06-08T08:00:00.000Z");
    expect(await keysLike(`applications-digest:${a.recruiter.user.email}:%`)).toHaveLength(1);

    await run(candidateFollowUpJob, "2026-06-15T09:30:00.000Z");
    await run(candidateFollowUpJob, "2026-06-16T09:30:00.000Z");
    expect(await keysLike(`application:${a.id}:no-answer`)).toHaveLength(1);

    // Answered applications are not chased.
    const b = await applied();
    await call("PATCH", `/api/v1/me/received-applications/${b.id}`, b.recruiter.cookie, { status: "interview" });
    await run(nudgeApplicationsJob, "2026-06-12T09:00:00.000Z");
    expect(await keysLike(`application:${b.id}:nudge:%`)).toEqual([]);
  });

  it("tells the candidate once when the offer they applied to is filled", async () => {
    const a = await applied();
    await call("POST", `/api/v1/me/offers/${a.offerId}/close`, a.recruiter.cookie, { reason: "hired_elsewhere" });
    await run(candidateFollowUpJob, new Date(t.clock.now().getTime() + 86_400_000).toISOString());
    await run(candidateFollowUpJob, new Date(t.clock.now().getTime() + 2 * 86_400_000).toISOString());
    expect(await keysLike(`application:${a.id}:offer-closed`)).toHaveLength(1);
    await t.flushMail();
    const mail = t.smtp.to(a.email).find((m) => m.subject.includes("est pourvue"));
    expect(mail?.text).not.toContain(a.recruiter.user.email);
  });
});

describe("erasing a candidate's data", () => {
  it("needs the word, then anonymises the applications, deletes the CVs and the account", async () => {
    const a = await applied();
    const url = "/api/v1/me/candidate-data/erase";
    expect((await call("POST", url, a.candidate.cookie, { confirm: "oui" })).status).toBe(400);
    const erased = await call("POST", url, a.candidate.cookie, { confirm: "EFFACER" });
    expect(erased.status).toBe(204);
    expect((await call("GET", "/api/v1/me/sent-applications", a.candidate.cookie)).status).toBe(401);
    const row = await t.db.db.selectFrom("applications").selectAll().where("id", "=", a.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ candidate_email: null, candidate_first_name: null, message: null });
    expect(row.anonymised_at).not.toBeNull();
    const cvs = await t.db.db
      .selectFrom("application_cvs")
      .select("application_id")
      .where("application_id", "=", a.id)
      .execute();
    expect(cvs).toEqual([]);
    const users = await t.db.db.selectFrom("users").select("id").where("email", "=", a.email).execute();
    expect(users).toEqual([]);
  });
});
