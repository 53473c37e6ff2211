import { expect } from "vitest";
import { type ReceivedEmail, SmtpReceiver } from "../../../server/test/smtp-receiver.js";
import type { JourneyPage } from "./journey.js";

export type { ReceivedEmail };

/**
 * A real SMTP server in the journey's process (the server tests' receiver): the app sends through
 * nodemailer exactly as in production, and the journey reads what arrived and follows its links.
 * Pass `receiver.url` as SMTP_URL to the server it starts.
 */
export async function startMailbox(): Promise<SmtpReceiver> {
  return new SmtpReceiver().start();
}

/** The newest email to `address` whose subject matches, waiting for it to arrive. */
export async function waitForEmail(
  mailbox: SmtpReceiver,
  address: string,
  subject: RegExp,
  timeoutMs = 30_000,
): Promise<ReceivedEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = mailbox.to(address).filter((email) => subject.test(email.subject));
    const newest = found.at(-1);
    if (newest) return newest;
    if (Date.now() > deadline) {
      const subjects = mailbox.to(address).map((email) => email.subject);
      throw new Error(
        `No email matching ${subject} for ${address} after ${timeoutMs} ms (got: ${subjects.join(" | ")})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The link of an email that leads to `pathname` (e.g. "/connexion/lien"), as a path for the browser. */
export function linkTo(email: ReceivedEmail, pathname: string, nth = 0): string {
  const links = email.links.map((link) => new URL(link)).filter((url) => url.pathname === pathname);
  const link = links[nth];
  expect(link, `a link to ${pathname} in « ${email.subject} »`).toBeDefined();
  return `${link?.pathname}${link?.search}`;
}

/** The link written on the line of the text version that matches `label` (« Prolonger de 7 jours : https://… »). */
export function linkOnLine(email: ReceivedEmail, label: RegExp): string {
  const line = email.text.split("\n").find((text) => label.test(text) && /https?:\/\//.test(text));
  const url = line?.match(/https?:\/\/[^\s<>")]+/)?.[0];
  expect(url, `a link on a line matching ${label} in « ${email.subject} »`).toBeDefined();
  const parsed = new URL(url ?? "http://invalid/");
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * Signs in the way people do: /connexion, the address, the email received, its link. `openSignIn`
 * opens /connexion (on the journey's server, in the viewport wanted); returns that page, signed in.
 */
export async function signInByEmail(
  openSignIn: () => Promise<JourneyPage>,
  mailbox: SmtpReceiver,
  email: string,
): Promise<JourneyPage> {
  const journey = await openSignIn();
  const { page } = journey;
  const before = mailbox.to(email).length;
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await page.getByText("Un lien vous a été envoyé").waitFor();
  const newest = (await mailbox.waitFor(email, before + 1, 20_000)).at(-1);
  expect(newest?.subject).toBe("Votre lien de connexion à Tremplin");
  if (newest) await page.goto(linkTo(newest, "/connexion/lien"));
  return journey;
}
