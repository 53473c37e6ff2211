import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { createMailer } from "./create-mailer.js";
import { escapeHtml } from "./html.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
beforeEach(() => {
  t.smtp.clear();
  t.smtp.bouncing.clear();
  t.smtp.temporaryFailures = 0;
});

const signIn = (to: string, link = "http://tremplin.test/connexion/lien?token=abc") =>
  t.mailer.enqueue(t.db.db, { to, template: "signInLink", data: { firstName: "Léa <b>", link, expiresInMinutes: 15 } });

const statusOf = async (id: string | null) =>
  await t.db.db
    .selectFrom("outbox_emails")
    .select(["status", "attempts", "next_attempt_at", "last_error"])
    .where("id", "=", id ?? "")
    .executeTakeFirstOrThrow();

describe("outbox and SMTP sender", () => {
  it("delivers over real SMTP with HTML and text versions, links from PUBLIC_URL, escaped data", async () => {
    const id = await signIn("lea@example.fr");
    await t.flushMail();
    const [mail] = await t.smtp.waitFor("lea@example.fr");
    expect(mail?.subject).toBe("Votre lien de connexion à Tremplin");
    expect(mail?.text).toContain("Bonjour Léa <b>,");
    expect(mail?.html).toContain("Bonjour Léa &lt;b&gt;,");
    expect(mail?.links).toContain("http://tremplin.test/connexion/lien?token=abc");
    expect(mail?.messageId).toBe(`<${id}@tremplin.test>`);
    expect((await statusOf(id)).status).toBe("sent");
  });

  it("sends a deduplicated email once, however often it is enqueued", async () => {
    const first = await t.mailer.enqueue(t.db.db, {
      to: "once@example.fr",
      template: "signInLink",
      data: { firstName: "A", link: "http://tremplin.test/x", expiresInMinutes: 15 },
      dedupeKey: "test:once",
    });
    const second = await t.mailer.enqueue(t.db.db, {
      to: "once@example.fr",
      template: "signInLink",
      data: { firstName: "A", link: "http://tremplin.test/x", expiresInMinutes: 15 },
      dedupeKey: "test:once",
    });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    await t.flushMail();
    expect(t.smtp.to("once@example.fr")).toHaveLength(1);
  });

  it("retries after a temporary failure with a growing delay, then delivers", async () => {
    t.smtp.temporaryFailures = 1;
    const id = await signIn("retry@example.fr");
    await t.flushMail();
    const afterFailure = await statusOf(id);
    expect(afterFailure).toMatchObject({ status: "pending", attempts: 1 });
    expect(afterFailure.last_error).toMatch(/451/);
    expect(new Date(afterFailure.next_attempt_at).getTime() - t.clock.now().getTime()).toBe(60_000);
    await t.flushMail(); // not due yet
    expect(t.smtp.to("retry@example.fr")).toHaveLength(0);
    t.clock.advanceMs(61_000);
    await t.flushMail();
    expect(t.smtp.to("retry@example.fr")).toHaveLength(1);
    expect(await statusOf(id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("records a permanently refused address and never writes to it again", async () => {
    t.smtp.bouncing.add("gone@example.fr");
    const id = await signIn("gone@example.fr");
    await t.flushMail();
    expect((await statusOf(id)).status).toBe("failed");
    const next = await signIn("gone@example.fr");
    expect((await statusOf(next)).status).toBe("cancelled");
    await t.flushMail();
    expect(t.smtp.to("gone@example.fr")).toHaveLength(0);
  });

  it("loses nothing and sends once when the process stops between storing and sending", async () => {
    // Stored by one "process" whose sender never ran…
    const id = await signIn("crash@example.fr");
    // …then a new process starts: a fresh sender on the same database delivers exactly once.
    const restarted = createMailer(t.config, t.db, t.clock, { warn: () => {}, error: () => {} });
    await restarted.sender.flush();
    await t.flushMail();
    await restarted.sender.flush();
    expect(t.smtp.to("crash@example.fr")).toHaveLength(1);
    expect((await statusOf(id)).status).toBe("sent");
    await restarted.sender.stop();
  });

  it("re-sends an email whose sender died mid-send once its claim has expired", async () => {
    const id = await signIn("lease@example.fr");
    await t.db.db
      .updateTable("outbox_emails")
      .set({ status: "sending", claimed_until: new Date(t.clock.now().getTime() + 60_000), attempts: 1 })
      .where("id", "=", id ?? "")
      .execute();
    await t.flushMail();
    expect(t.smtp.to("lease@example.fr")).toHaveLength(0); // still claimed by the dead sender
    t.clock.advanceMs(61_000);
    await t.flushMail();
    expect(t.smtp.to("lease@example.fr")).toHaveLength(1);
  });

  it("sets Reply-To when asked (a recruiter answers a candidate by replying)", async () => {
    await t.mailer.enqueue(t.db.db, {
      to: "recruteur@example.fr",
      replyTo: "Candidate@Example.fr",
      template: "signInLink",
      data: { firstName: "R", link: "http://tremplin.test/x", expiresInMinutes: 15 },
    });
    await t.flushMail();
    const [mail] = await t.smtp.waitFor("recruteur@example.fr");
    expect(mail?.replyTo).toBe("candidate@example.fr");
  });

  it("escapes HTML", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});

describe("dev mailbox", () => {
  it("is absent when SMTP is configured", async () => {
    const response = await t.app.inject({ method: "GET", url: "/dev/mailbox" });
    expect(response.statusCode).toBe(404);
  });

  it("lists what would have been sent when there is no SMTP, and shows each email", async () => {
    const dev = await createTestApp({ db: t.db, config: { smtpUrl: undefined } });
    try {
      const id = await dev.mailer.enqueue(dev.db.db, {
        to: "dev@example.fr",
        template: "signInLink",
        data: { firstName: "Dev", link: "http://tremplin.test/l", expiresInMinutes: 15 },
      });
      await dev.mailer.sender.flush();
      const list = await dev.app.inject({ method: "GET", url: "/dev/mailbox" });
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain("dev@example.fr");
      expect(list.body).toContain("Votre lien de connexion à Tremplin");
      const one = await dev.app.inject({ method: "GET", url: `/dev/mailbox/${id}` });
      expect(one.body).toContain("http://tremplin.test/l");
      expect(dev.smtp.to("dev@example.fr")).toHaveLength(0);
    } finally {
      await dev.app.close();
      await dev.mailer.sender.stop();
      await dev.smtp.stop();
    }
  });

  it("is never served in production", async () => {
    const prod = await createTestApp({ db: t.db, config: { smtpUrl: undefined, env: "production" } });
    try {
      expect((await prod.app.inject({ method: "GET", url: "/dev/mailbox" })).statusCode).toBe(404);
    } finally {
      await prod.app.close();
      await prod.mailer.sender.stop();
      await prod.smtp.stop();
    }
  });
});
