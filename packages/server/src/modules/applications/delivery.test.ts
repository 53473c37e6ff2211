import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { buildApp } from "../../app.js";
import { runJob } from "../../jobs/runner.js";
import { Mailer } from "../../mail/mailer.js";
import { MailSender } from "../../mail/sender.js";
import { devMailboxTransport } from "../../mail/transport.js";
import { cvRetentionJob } from "./jobs.js";
import { apply, candidate, cvPdf, multipart, pdfBytes, recruiterWithOffer } from "./test-support.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 100_000, applicationsPerIpPerMinute: 100_000 } });
});
afterAll(async () => t?.close());
beforeEach(() => t.smtp.clear());

const outboxOf = (id: string) =>
  t.db.db
    .selectFrom("outbox_emails")
    .selectAll()
    .where("dedupe_key", "like", `application:${id}:%`)
    .orderBy("dedupe_key")
    .execute();

const runRetention = () =>
  runJob(cvRetentionJob, { config: t.config, mailer: t.mailer, now: t.clock.now(), log: () => {} }, t.db, "test");

describe("delivery through the outbox", () => {
  it("emails the recruiter with the CV and one-click answers, and the candidate a copy without the recruiter's address", async () => {
    const { recruiter, offerId } = await recruiterWithOffer(t);
    const who = candidate();
    const cv = pdfBytes(50_000);
    const r = await apply(t, { offerId, ...who }, [cvPdf(cv)]);
    expect(r.status).toBe(201);
    expect(r.raw).not.toContain(recruiter.user.email);
    await t.flushMail();

    const [toRecruiter] = await t.smtp.waitFor(recruiter.user.email, 2); // offer published + application
    const mail = t.smtp.to(recruiter.user.email).find((m) => m.subject.match(/^Candidature (de |d’|d')/));
    expect(mail?.subject).toBe("Candidature d'Inès Moreau pour « Boulanger / Boulangère »");
    expect(toRecruiter).toBeDefined();
    expect(mail?.attachments).toHaveLength(1);
    expect(mail?.attachments[0]).toMatchObject({ filename: "CV Inès Moreau.pdf", contentType: "application/pdf" });
    expect(mail?.attachments[0]?.content.equals(cv)).toBe(true);
    expect(mail?.text).toContain(who.email);
    expect(mail?.text).toContain("Téléphone : 06 12 34 56 78");
    expect(mail?.text).toContain(
      "Inès Moreau vous adresse sa candidature à l'offre « Boulanger / Boulangère » via Tremplin.",
    );
    expect(mail?.text).toContain("Je prépare un CAP boulanger");
    const answerLinks = mail?.links.filter((l) => l.includes("/candidatures/reponse?jeton=")) ?? [];
    expect(answerLinks).toHaveLength(3);

    const [copy] = await t.smtp.waitFor(who.email as string);
    expect(copy?.subject).toBe("Votre candidature pour « Boulanger / Boulangère » a été envoyée");
    expect(copy?.attachments).toHaveLength(0);
    for (const part of [copy?.text, copy?.html, copy?.from, copy?.subject]) {
      expect(part).not.toContain(recruiter.user.email);
    }
  });

  it("forgets the CV once the recruiter's email is sent: no copy is left in the database", async () => {
    const { offerId } = await recruiterWithOffer(t);
    const r = await apply(t, { offerId, ...candidate() }, [cvPdf(pdfBytes(20_000))]);
    const before = await outboxOf(r.body.id);
    const recruiterRow = before.find((e) => e.template === "applicationToRecruiter");
    expect(recruiterRow?.attachments?.[0]?.contentBase64?.length).toBeGreaterThan(20_000);
    await t.flushMail();
    const after = await outboxOf(r.body.id);
    expect(after.find((e) => e.template === "applicationToRecruiter")).toMatchObject({
      status: "sent",
      attachments: null,
    });
    expect(after.every((e) => e.attachments === null)).toBe(true);
    const row = await t.db.db
      .selectFrom("applications")
      .selectAll()
      .where("id", "=", r.body.id)
      .executeTakeFirstOrThrow();
    // Only the name and size remain, for the recruiter's list.
    expect(row).toMatchObject({ cv_file_name: "mon-cv.pdf", cv_size: 20_000 });
  });

  it("survives a crash between storing and sending: after a restart, exactly one email each", async () => {
    const { recruiter, offerId } = await recruiterWithOffer(t);
    await t.flushMail();
    t.smtp.clear();
    // The first process commits the application, then dies before its sender ever runs.
    class DeadSender extends MailSender {
      override kick(): void {}
    }
    const quiet = { warn: () => {}, error: () => {} };
    const dead = new DeadSender(t.db.db, t.clock, devMailboxTransport(), "x@y.fr", "tremplin.test", quiet);
    const crashed = await buildApp(
      { ...t.deps, mailer: new Mailer(t.clock, t.config.publicUrl, dead) },
      { web: false },
    );
    const who = candidate();
    const body = await multipart({ offerId, ...who }, [cvPdf()]);
    const response = await crashed.inject({ method: "POST", url: "/api/v1/applications", ...body });
    expect(response.statusCode).toBe(201);
    await crashed.close();
    expect(t.smtp.received).toHaveLength(0);
    expect((await outboxOf(response.json().id)).map((e) => e.status)).toEqual(["pending", "pending"]);

    // The next process (another instance, or the same after a restart) sends what was stored, once.
    await t.flushMail();
    await t.flushMail();
    expect(t.smtp.to(recruiter.user.email)).toHaveLength(1);
    expect(t.smtp.to(who.email as string)).toHaveLength(1);
    expect(t.smtp.to(recruiter.user.email)[0]?.attachments).toHaveLength(1);
    expect((await outboxOf(response.json().id)).map((e) => e.status)).toEqual(["sent", "sent"]);
  });
});

describe("bounces and CV retention", () => {
  it("records a recruiter's bounce, drops the CV, tells the candidate, and refuses later applications", async () => {
    const { recruiter, offerId } = await recruiterWithOffer(t);
    await t.flushMail();
    t.smtp.bouncing.add(recruiter.user.email);
    const who = candidate();
    const r = await apply(t, { offerId, ...who }, [cvPdf()]);
    await t.flushMail();
    const emails = await outboxOf(r.body.id);
    expect(emails.find((e) => e.template === "applicationToRecruiter")?.status).toBe("failed");
    const suppressed = await t.db.db
      .selectFrom("email_suppressions")
      .selectAll()
      .where("address", "=", recruiter.user.email)
      .executeTakeFirst();
    expect(suppressed?.reason).toContain("rejet définitif");

    expect((await runRetention()).summary).toEqual({ cvsCleared: 1, candidatesTold: 1, keptCvsDeleted: 0 });
    expect((await outboxOf(r.body.id)).every((e) => e.attachments === null)).toBe(true);
    await t.flushMail();
    const told = t.smtp.to(who.email as string).map((m) => m.subject);
    expect(told).toContain("Votre candidature à Au Bon Pain d'Essai n'a pas pu être remise");
    // Running again changes nothing and tells nobody twice.
    expect((await runRetention()).summary).toEqual({ cvsCleared: 0, candidatesTold: 0, keptCvsDeleted: 0 });

    const again = await apply(t, { offerId, ...candidate() }, [cvPdf()]);
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe("APPLICATION_RECIPIENT_UNREACHABLE");
    expect(again.raw).not.toContain(recruiter.user.email);
    t.smtp.bouncing.delete(recruiter.user.email);
  });

  it("keeps a CV at most CV_RETENTION_DAYS while delivery keeps failing, then gives the email up", async () => {
    const { offerId } = await recruiterWithOffer(t);
    await t.flushMail();
    const start = t.clock.now();
    t.smtp.temporaryFailures = 1_000;
    const r = await apply(t, { offerId, ...candidate() }, [cvPdf()]);
    await t.flushMail();
    const recruiterEmail = async () => (await outboxOf(r.body.id)).find((e) => e.template === "applicationToRecruiter");
    expect((await recruiterEmail())?.status).toBe("pending");

    t.clock.set(new Date(start.getTime() + (t.config.cvRetentionDays - 1) * 86_400_000));
    await runRetention();
    expect((await recruiterEmail())?.attachments).not.toBeNull();

    t.clock.set(new Date(start.getTime() + (t.config.cvRetentionDays + 1) * 86_400_000));
    await runRetention();
    expect(await recruiterEmail()).toMatchObject({ status: "failed", attachments: null });
    t.smtp.temporaryFailures = 0;
    t.clock.set(start);
  });
});
