import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { demoShowcase } from "../../server/src/demo/companies-data.js";
import { screenshot, useJourneys } from "./support/journey.js";
import { linkTo, signInByEmail, startMailbox, waitForEmail } from "./support/mail.js";
import { type RunningServer, startServer } from "./support/server.js";

/**
 * A second person joins a company (issue 11, ADR 009): the first is verified at once because the
 * company's OPCO listed her address (import:opco-contacts); the second, at a public mailbox, becomes
 * a pending membership; the first accepts from the email, in one click on the page it opens; the
 * second then sees the establishment's members in her space. Then the first invites a third from
 * « Mon organisation »: the invitation's link opens the sign-up with the SIRET filled in, and the
 * third, at a public mailbox too, is verified as soon as she confirms her address.
 */
const siret = demoShowcase().find((s) => s.kind === "withOpco")?.siret as string;
const first = { firstName: "Léa", lastName: "Martin", email: "lea.martin@superette-lilas-demo.example" };
const second = { firstName: "Paul", lastName: "Durand", email: "paul.durand.demo@gmail.com" };
const third = { firstName: "Nora", lastName: "Benali", email: "nora.benali.demo@orange.fr" };

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

  test("a verified member invites a colleague, who signs up from the email and is verified at once", async () => {
    const lea = await signInByEmail(() => open("/connexion"), mailbox, first.email);
    await lea.page.waitForURL("**/espace");

    const form = lea.page.getByRole("form", { name: "Inviter un ou une collègue" });
    const address = form.getByLabel("Adresse e-mail de votre collègue");
    // A colleague already verified cannot be invited: said on the field, in French.
    await address.fill(second.email);
    await form.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await form.getByText(/déjà membre/).waitFor();
    await address.fill("nora.benali");
    await form.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await form.getByText("Saisissez une adresse e-mail valide", { exact: false }).waitFor();
    await address.fill(third.email);
    await form.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await form.getByText(`Invitation envoyée à ${third.email}`, { exact: false }).waitFor();
    // A mistyped address is invited too, then withdrawn from the list of invitations waiting.
    const waiting = lea.page.getByRole("region", { name: "Invitations en attente" });
    await waiting.getByText(third.email, { exact: false }).waitFor();
    await address.fill("nora.benali.demo@orange.fe");
    await form.getByRole("button", { name: "Envoyer l'invitation" }).click();
    const mistake = waiting.getByRole("button", { name: "Annuler l'invitation de nora.benali.demo@orange.fe" });
    await mistake.waitFor();
    await screenshot(lea.page, "membership-invitation-sent");
    await mistake.click();
    await mistake.waitFor({ state: "detached" });
    expect(await waiting.getByRole("listitem").count()).toBe(1);
    expect(lea.problems).toEqual([]);

    const invitation = await waitForEmail(mailbox, third.email, /vous invite à rejoindre/);
    const nora = await open(linkTo(invitation, "/inscription"));
    expect(await nora.page.getByLabel("Numéro SIRET de votre établissement").inputValue()).toBe(siret);
    await nora.page.getByRole("button", { name: "Rechercher mon établissement" }).click();
    await nora.page.getByRole("button", { name: "C'est mon établissement, continuer" }).click();
    await nora.page.getByLabel("Prénom").fill(third.firstName);
    await nora.page.getByLabel("Nom", { exact: true }).fill(third.lastName);
    await nora.page.getByLabel("Adresse e-mail professionnelle").fill(third.email);
    await nora.page.getByLabel("Téléphone").fill("06 98 76 54 32");
    await nora.page.getByRole("button", { name: "Créer mon compte" }).click();
    await nora.page.getByRole("heading", { name: "Vérifiez votre boîte de réception", level: 1 }).waitFor();

    const confirmation = await waitForEmail(mailbox, third.email, /^Confirmez votre adresse/);
    await nora.page.goto(linkTo(confirmation, "/connexion/lien"));
    await nora.page.waitForURL("**/espace");
    const noraRow = nora.page.getByRole("row", { name: new RegExp(`${third.firstName} ${third.lastName}`) });
    await noraRow.getByRole("cell", { name: "Membre vérifié", exact: true }).waitFor();
    await noraRow.getByText("Invité par un membre vérifié").waitFor();
    await screenshot(nora.page, "membership-invited-member");
    expect(nora.problems).toEqual([]);
  });
});
