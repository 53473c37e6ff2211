import { type AddressInfo, createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as outbox from "../src/mail/outbox-repository.js";
import { signedIn } from "./fixtures.js";
import { createTestApp, type TestApp } from "./test-app.js";

/**
 * A minimal SMTP server in the test process that receives a message's data completely and then, if
 * told to, cuts the connection instead of answering « 250 »: the crash between the end of DATA and
 * its acknowledgement, when nobody knows whether the message was accepted.
 */
class DroppingSmtpServer {
  readonly messages: string[] = [];
  dropAfterData = true;
  #server: Server = createServer((socket) => {
    socket.write("220 test ESMTP\r\n");
    let buffer = "";
    let inData = false;
    socket.on("error", () => {});
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          this.messages.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          inData = false;
          if (this.dropAfterData) return void socket.destroy();
          socket.write("250 2.0.0 queued\r\n");
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol < 0) return;
        const command = buffer.slice(0, 4).toUpperCase();
        buffer = buffer.slice(eol + 2);
        if (command === "EHLO" || command === "HELO") socket.write("250 test\r\n");
        else if (command === "MAIL" || command === "RCPT" || command === "RSET" || command === "NOOP")
          socket.write("250 OK\r\n");
        else if (command === "DATA") {
          socket.write("354 go ahead\r\n");
          inData = true;
        } else if (command === "QUIT") return void socket.end("221 bye\r\n");
        else socket.write("502 not implemented\r\n");
      }
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    return `smtp://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

const messageIdOf = (raw: string) => /^Message-ID: (<[^>]+>)/im.exec(raw)?.[1];

let smtp: DroppingSmtpServer;
let t: TestApp;
beforeAll(async () => {
  smtp = new DroppingSmtpServer();
  const smtpUrl = await smtp.start();
  t = await createTestApp({ config: { smtpUrl } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

const emailTo = (address: string) =>
  t.db.db.selectFrom("outbox_emails").selectAll().where("to_address", "=", address).executeTakeFirstOrThrow();

describe("an SMTP connection cut between the end of DATA and its acknowledgement", () => {
  it("leaves the email « unknown », never sent twice by itself; mail:resend sends it again with the same Message-ID", async () => {
    const { user } = await signedIn(t, "recruiter", { email: "coupure-smtp@example.fr" });
    const asked = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/magic-link",
      payload: { email: user.email },
    });
    expect(asked.statusCode).toBe(204);
    smtp.dropAfterData = true;
    // The request already started a sending in the background (kick): flush joins or follows it.
    await t.mailer.sender.flush();
    await expect.poll(async () => (await emailTo(user.email)).status).toBe("unknown");
    expect(smtp.messages).toHaveLength(1);
    const row = await emailTo(user.email);
    expect(row.status).toBe("unknown");
    expect(row.data_sent_at).not.toBeNull();
    expect(row.last_error).toContain("issue inconnue");

    // Days later, whatever the retry schedule: nothing goes out again on its own.
    t.clock.advanceMs(3 * 86_400_000);
    expect(await t.mailer.sender.flush()).toMatchObject({ sent: 0, unknown: 0 });
    expect(smtp.messages).toHaveLength(1);

    // An operator, having checked the provider's logs, decides to send it again.
    smtp.dropAfterData = false;
    expect(await outbox.resendUnknown(t.db.db, [row.id], t.clock.now())).toBe(1);
    expect(await t.mailer.sender.flush()).toMatchObject({ sent: 1 });
    expect(smtp.messages).toHaveLength(2);
    expect(messageIdOf(smtp.messages[1] as string)).toBe(messageIdOf(smtp.messages[0] as string));
    expect((await emailTo(user.email)).status).toBe("sent");
  });

  it("a sender that stopped after the data and before the answer leaves its emails « unknown », not resent", async () => {
    const address = "arret-expediteur@example.fr";
    const now = t.clock.now();
    const id = await outbox.insertEmail(t.db.db, {
      dedupeKey: null,
      template: "signInLink",
      to: address,
      replyTo: null,
      subject: "Votre lien de connexion",
      html: "<p>Lien</p>",
      text: "Lien",
      attachments: null,
      now,
      status: "pending",
    });
    // What a process killed in the middle of the DATA phase leaves behind: claimed, data recorded.
    await t.db.db
      .updateTable("outbox_emails")
      .set({ status: "sending", attempts: 1, claimed_until: new Date(now.getTime() - 1), data_sent_at: now })
      .where("id", "=", id as string)
      .execute();
    const before = smtp.messages.length;
    expect(await t.mailer.sender.flush()).toMatchObject({ sent: 0, unknown: 1 });
    expect(smtp.messages).toHaveLength(before);
    expect((await emailTo(address)).status).toBe("unknown");
  });
});
