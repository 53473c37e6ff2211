import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { demoShowcase } from "../../server/src/demo/companies-data.js";
import { screenshot, useJourneys } from "./support/journey.js";
import { linkTo, startMailbox, waitForEmail } from "./support/mail.js";
import { type RunningServer, startServer } from "./support/server.js";

/**
 * A second person joins a company (issue 11, ADR 009): the first is verified at once because the
 * company's OPCO listed her address (import:opco-contacts); the second, at a public mailbox, becomes
 * a pending membership; the first accepts from the email, in one click on the page it opens; the
 * second then sees the establishment's members in her space.
 */
const siret = demoShowcase().find((s) => s.kind === "withOpco")?.siret as string;
const first = { firstName: "Léa", lastName: "Martin", email: "lea.martin@superette-lilas-demo.example" };
const second = { firstName: "Paul", lastName: "Durand", email: "paul.durand.demo@gmail.com" };

describe("Memberships journey: a second member joins a company and is accepted", () => {
  const journeys = useJourneys();
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let server: RunningServer;

  beforeAll(async () => {
    mailbox = await startMailbox();
    const dir = await mkdtemp(join(tmpdir(), "tremplin-opco-contacts-"));
    const file = join(dir, "adherents.csv");
    await writeFile(file, `SIRET;email\n${siret};${first.email}\n`);
    server = await startServer({
      label: "memberships",
      env: { SMTP_URL: mailbox.url },
      cli: [["import:opco-contacts", file]],
    });
  }, 480_000);

  afterAll(async () => {
    await server?.stop();
    await mailbox?.stop();
  });

  const open = (path: string) => journeys.open(path, { baseUrl: server.url });

  /** Signs up through the API (the form has its own journey) and confirms in the browser. */
  async function signUpAndConfirm(person: typeof first) {
    const response = await fetch(`${server.url}/api/v1/accounts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "company", siret, phone: "0612345678", ...person }),
    });
    expect(response.status).toBe(201);
    const mail = await waitForEmail(mailbox, person.email, /^Confirmez votre adresse/);
    const journey = await open(linkTo(mail, "/connexion/lien"));
    await journey.page.waitForURL("**/espace");
    return journey;
  }

  test("the OPCO's contact is verified at once; the newcomer waits; the first accepts from the email", async () => {
    const lea = await signUpAndConfirm(first);
    await lea.page.getByRole("heading", { name: "Mon organisation", level: 2 }).waitFor();
    await lea.page.getByRole("cell", { name: "Administrateur" }).waitFor();

    const paul = await signUpAndConfirm(second);
    await paul.page.getByText("Votre lien avec cet établissement n'est pas encore vérifié").first().waitFor();
    expect(paul.problems).toEqual([]);

    const request = await waitForEmail(mailbox, first.email, /demande à rejoindre/);
    const decision = await open(linkTo(request, "/espace/membres/demande"));
    await decision.page.getByText(`${second.firstName} ${second.lastName} demande à rejoindre`).waitFor();
    await screenshot(decision.page, "membership-request");
    await decision.page.getByRole("button", { name: "Accepter cette personne" }).click();
    await decision.page.getByText("Demande acceptée.").waitFor();
    expect(decision.problems).toEqual([]);

    await waitForEmail(mailbox, second.email, /membre vérifié/);
    await paul.page.reload();
    await paul.page.getByRole("cell", { name: "Membre vérifié", exact: true }).waitFor();
    await paul.page.getByText("Accepté par un membre vérifié").waitFor();
    expect(paul.problems).toEqual([]);
    expect(lea.problems).toEqual([]);
  });
});
