import { formatFrenchDate } from "@tremplin/core";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ViewportName } from "./support/browser.js";
import { screenshot, useJourneys } from "./support/journey.js";
import { linkOnLine, linkTo, signInByEmail, startMailbox, waitForEmail } from "./support/mail.js";
import { cliCommand, type RunningServer, startServer } from "./support/server.js";

/**
 * The recruiter's whole path, on a server of its own that sends real email to an SMTP receiver in
 * this process: sign-up with a demo SIRET → confirmation link → space → offer in one minute →
 * public page → reminder email → « Prolonger » → then the OPCO adviser certifies the company, and
 * the admin gives an OPCO to a company that did not know its own. Tests run in order and share the
 * people and offers they create.
 *
 * Reminders: offers live OFFER_TTL_DAYS=7 here, so the J-7 reminder is due as soon as an offer is
 * published, and SCHEDULER_JOBS + SCHEDULER_EVERY_SECONDS run `offers:remind` (alone: other jobs that
 * often would keep PGlite busy) every two seconds instead of hourly.
 */
const recruiter = { firstName: "Camille", lastName: "Martin", email: "camille.martin@superette-demo.example" };
const adviser = { email: "conseil@opcommerce-demo.example", opco: "L'Opcommerce" };
const admin = { email: "admin@tremplin-demo.example" };
const ttlDays = 7;
const day = 86_400_000;

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

describe("Recruiter journey: sign-up, offer, reminder, certification", () => {
  const journeys = useJourneys();
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let server: RunningServer;
  let recruiterSession: StorageState;
  let recruiterAccountId = "";
  let offerPath = "";

  beforeAll(async () => {
    mailbox = await startMailbox();
    server = await startServer({
      label: "recruiter",
      env: {
        SMTP_URL: mailbox.url,
        SCHEDULER: "on",
        SCHEDULER_JOBS: "offers:remind",
        SCHEDULER_EVERY_SECONDS: "2",
        OFFER_TTL_DAYS: String(ttlDays),
      },
      cli: [
        cliCommand("users:create", { role: "opco", email: adviser.email, opco: adviser.opco, "first-name": "Inès" }),
        cliCommand("users:create", { role: "admin", email: admin.email, "first-name": "Alex" }),
      ],
    });
  }, 480_000);

  afterAll(async () => {
    await server?.stop();
    await mailbox?.stop();
  });

  const open = (path: string, viewport: ViewportName = "desktop", storageState?: StorageState) =>
    journeys.open(path, { baseUrl: server.url, viewport, storageState });

  const signIn = (email: string, viewport: ViewportName = "desktop") =>
    signInByEmail(() => open("/connexion", viewport), mailbox, email);

  test("a company signs up with a demo SIRET, confirms by email and lands signed in on its space", async () => {
    const { page, context, problems } = await open("/inscription", "phone");
    await page.getByRole("heading", { name: "Créer un compte entreprise", level: 1 }).waitFor();
    await screenshot(page, "signup-1-siret-phone");

    await page.getByRole("button", { name: /Entreprise dont l'OPCO est connu/ }).click();
    await page.getByRole("heading", { name: "Votre établissement", level: 2 }).waitFor();
    await page.getByRole("heading", { name: "Supérette Démo des Lilas" }).waitFor();
    await page.getByText("L'Opcommerce, d'après votre convention collective").waitFor();
    // The step's title takes the focus, so that a screen reader says where one is.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Votre établissement/);
    await screenshot(page, "signup-2-company-phone");
    await page.getByRole("button", { name: "C'est mon établissement, continuer" }).click();

    await page.getByRole("heading", { name: "Vos coordonnées", level: 2 }).waitFor();
    // Nothing typed yet: the summary lists each problem with core's French messages.
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await page.getByRole("heading", { name: "Le formulaire contient 4 erreurs" }).waitFor();
    await page.getByLabel("Prénom").fill(recruiter.firstName);
    await page.getByLabel("Nom", { exact: true }).fill(recruiter.lastName);
    await page.getByLabel("Adresse e-mail professionnelle").fill(recruiter.email);
    await page.getByLabel("Téléphone").fill("06 12 34 56 78");
    await screenshot(page, "signup-3-contact-phone");
    const created = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/accounts") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    // Demo data holds other accounts of the same demo companies: the OPCO step finds this one by its id.
    recruiterAccountId = ((await (await created).json()) as { id: string }).id;

    await page.getByRole("heading", { name: "Vérifiez votre boîte de réception", level: 1 }).waitFor();
    await page.getByText(recruiter.email).first().waitFor();
    await screenshot(page, "signup-4-check-inbox-phone");

    const confirmation = await waitForEmail(mailbox, recruiter.email, /Confirmez votre adresse/);
    await page.goto(linkTo(confirmation, "/connexion/lien"));
    await page.waitForURL("**/espace");
    await page.getByRole("heading", { name: "Mon espace", level: 1 }).waitFor();
    await page.getByText(`Bonjour ${recruiter.firstName} ${recruiter.lastName}.`).waitFor();
    await page.getByText("Actif, en attente de certification par l'OPCO").waitFor();
    // The header says who is signed in (on a phone, in the menu: present, hidden until opened).
    expect(await page.locator("header a", { hasText: "Camille Martin" }).count()).toBeGreaterThan(0);
    await screenshot(page, "space-new-account-phone");

    recruiterSession = await context.storageState();
    expect(problems).toEqual([]);
  });

  test("posts an offer with only the job and the start date, and sees it as candidates do", async () => {
    const start = new Date(Date.now() + 60 * day).toISOString().slice(0, 10);
    const { page, problems } = await open("/espace", "desktop", recruiterSession);
    await page.getByRole("link", { name: "Déposer une offre" }).click();
    await page.getByRole("heading", { name: "Déposer une offre d'alternance", level: 1 }).waitFor();

    const job = page.getByRole("combobox", { name: /Métier/ });
    await job.pressSequentially("boulang", { delay: 30 });
    await page.getByRole("option", { name: "Boulanger / Boulangère", exact: true }).click();
    await page.getByLabel("Date de début").fill(start);

    // The live preview: the generated text (core's generateOfferDescription) as candidates will read it.
    const preview = page.getByRole("region", { name: /Aperçu/ });
    await preview.getByRole("heading", { name: "Boulanger / Boulangère", level: 2 }).waitFor();
    await preview.getByText(`À partir du ${formatFrenchDate(start)}`).waitFor();
    await preview.getByText("Vos missions, en alternance :").waitFor();

    // The options show their defaults; a skill unticked leaves the text at once.
    await page.getByRole("button", { name: "Plus d'options" }).click();
    const missions = page.getByRole("group", { name: /Missions \(savoir-faire\)/ });
    const firstSkill = missions.getByRole("checkbox").first();
    const skill = (await missions.locator("label").first().textContent())?.trim() ?? "";
    expect(skill).not.toBe("");
    expect(await firstSkill.isChecked()).toBe(true);
    await preview.getByText(skill, { exact: true }).first().waitFor();
    await screenshot(page, "offer-form-preview-desktop");
    await missions.getByText(skill, { exact: true }).click();
    await expect.poll(() => preview.getByText(skill, { exact: true }).count()).toBe(0);
    await missions.getByText(skill, { exact: true }).click();
    await preview.getByText(skill, { exact: true }).first().waitFor();

    await page.getByRole("button", { name: "Publier l'offre" }).click();
    await page.getByRole("heading", { name: "Votre offre est en ligne", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Voir l'offre comme un candidat" }).click();

    await page.getByRole("heading", { name: "Boulanger / Boulangère", level: 1 }).waitFor();
    offerPath = new URL(page.url()).pathname;
    expect(offerPath).toMatch(/^\/offres\/[0-9a-f-]{36}$/);
    await page.getByText("Supérette Démo des Lilas").first().waitFor();
    await page.getByText(`À partir du ${formatFrenchDate(start)}`).waitFor();
    await page.getByText("Contrat d'apprentissage", { exact: true }).waitFor();
    await page.getByRole("heading", { name: "Postuler" }).waitFor();
    await screenshot(page, "offer-public-desktop");
    expect(problems).toEqual([]);

    const phone = await open(offerPath, "phone");
    await phone.page.getByRole("heading", { name: "Boulanger / Boulangère", level: 1 }).waitFor();
    await screenshot(phone.page, "offer-public-phone");
    expect(phone.problems).toEqual([]);
  });

  test("extends the offer in one click from the reminder email", async () => {
    const reminder = await waitForEmail(mailbox, recruiter.email, /expire dans 7 jours/, 30_000);
    const extendLink = linkOnLine(reminder, /^Prolonger de 7 jours/);
    expect(extendLink).toMatch(/^\/offres\/action\?jeton=/);

    // Not signed in: the link works on its own.
    const { page, problems } = await open(extendLink, "phone");
    await page.getByRole("heading", { name: "Offre prolongée", level: 1 }).waitFor();
    const expiry = formatFrenchDate(new Date(Date.now() + ttlDays * day).toISOString());
    // The new end date, in the API's message (or said by the page when the message does not).
    await page
      .getByText(new RegExp(`jusqu'au ${expiry}`))
      .first()
      .waitFor();
    await page.getByRole("link", { name: "Me connecter à mon espace" }).waitFor();
    await screenshot(page, "offer-extended-phone");

    // A second click does not extend twice, and says so calmly.
    await page.reload();
    await page.getByRole("heading", { name: "Offre prolongée", level: 1 }).waitFor();
    await page
      .getByText(new RegExp(`jusqu'au ${expiry}`))
      .first()
      .waitFor();
    expect(problems).toEqual([]);

    const space = await open("/espace", "desktop", recruiterSession);
    await space.page.getByText(`En ligne jusqu'au ${expiry}`).waitFor();
    await screenshot(space.page, "space-offers-desktop");
    expect(space.problems).toEqual([]);
  });

  test("a duplicate cancelled from the space (after confirming) is gone for candidates", async () => {
    const { page, problems } = await open("/espace", "desktop", recruiterSession);
    // « Dupliquer » opens the new-offer form filled with the offer; nothing is published before « Publier ».
    await page.getByRole("link", { name: "Dupliquer : Boulanger / Boulangère" }).click();
    await page.getByRole("heading", { name: "Dupliquer une offre", level: 1 }).waitFor();
    await expect.poll(() => page.getByRole("combobox", { name: /Métier/ }).inputValue()).toBe("Boulanger / Boulangère");
    await screenshot(page, "space-duplicate-form-desktop");
    await page.getByRole("button", { name: "Publier l'offre" }).click();
    await page.waitForURL(/\/espace\/offres\/[^/]+\/publiee$/);
    await page.goto("/espace");
    const offerLinks = page.getByRole("link", { name: "Boulanger / Boulangère", exact: true });
    await expect.poll(() => offerLinks.count()).toBe(2);
    const hrefs = await offerLinks.evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    const copyPath = hrefs.find((href) => href !== offerPath) ?? "";
    expect(copyPath).toMatch(/^\/offres\//);

    const copy = page.getByRole("listitem").filter({ has: page.locator(`a[href="${copyPath}"]`) });
    await copy.getByRole("button", { name: "Annuler l'offre : Boulanger / Boulangère" }).click();
    const dialog = page.getByRole("dialog", { name: "Annuler cette offre ?" });
    await dialog.waitFor();
    await screenshot(page, "space-confirm-cancel-desktop");
    await dialog.getByRole("button", { name: "Oui, annuler l'offre" }).click();
    await page.getByText("est annulée").waitFor();
    await page.getByText("Annulée", { exact: true }).waitFor();
    expect(problems).toEqual([]);

    const gone = await open(copyPath);
    await gone.page.getByRole("heading", { name: "Cette offre n'est plus disponible", level: 1 }).waitFor();
    expect(gone.problems).toEqual([]);
  });

  test("edits the offer with the same form, on a phone, preview before the button", async () => {
    const { page, problems } = await open("/espace", "phone", recruiterSession);
    const original = page.getByRole("listitem").filter({ has: page.locator(`a[href="${offerPath}"]`) });
    await original.getByRole("link", { name: "Modifier l'offre Boulanger / Boulangère" }).click();
    await page.getByRole("heading", { name: "Modifier l'offre", level: 1 }).waitFor();
    expect(await page.getByRole("combobox", { name: /Métier/ }).inputValue()).toBe("Boulanger / Boulangère");
    // Options are open when editing; the title follows the job until one is written.
    const title = page.getByLabel("Intitulé de l'offre (facultatif)");
    expect(await title.inputValue()).toBe("");
    await title.fill("Apprenti boulanger ou boulangère");
    const preview = page.getByRole("region", { name: /Aperçu/ });
    await preview.getByRole("heading", { name: "Apprenti boulanger ou boulangère", level: 2 }).waitFor();
    // A phone number in a free text is flagged before the API refuses it.
    const rhythm = page.getByLabel("Rythme de l'alternance (facultatif)");
    await rhythm.fill("Appelez le 06 12 34 56 78");
    await page.getByText(/Ce texte contient un numéro de téléphone/).waitFor();
    await rhythm.fill("2 jours au CFA, 3 jours en boulangerie");
    await screenshot(page, "offer-edit-form-phone");

    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await page.waitForURL("**/espace");
    await page.getByRole("link", { name: "Apprenti boulanger ou boulangère", exact: true }).waitFor();
    const published = await open(offerPath, "phone");
    await published.page.getByRole("heading", { name: "Apprenti boulanger ou boulangère", level: 1 }).waitFor();
    await published.page.getByText("2 jours au CFA, 3 jours en boulangerie").waitFor();
    expect(problems).toEqual([]);
    expect(published.problems).toEqual([]);
  });

  test("the OPCO adviser signs in, certifies the company, and the offer says so", async () => {
    const { page, problems } = await signIn(adviser.email);
    await page.waitForURL("**/opco");
    await page.getByRole("heading", { name: /Espace OPCO — L'Opcommerce/, level: 1 }).waitFor();
    await page.getByRole("tab", { name: "À certifier", selected: true }).waitFor();
    await page.getByRole("link", { name: "Supérette Démo des Lilas" }).first().waitFor();
    await screenshot(page, "opco-space-desktop");

    // Searching by SIRET (spaces allowed) keeps the tab and narrows the list.
    await page.getByLabel("Rechercher par nom ou SIRET").fill("800 001 000 00010");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.waitForURL(/q=800/);
    await page.locator(`a[href="/opco/comptes/${recruiterAccountId}"]`).click();
    await page.getByRole("heading", { name: "Supérette Démo des Lilas", level: 1 }).waitFor();
    await page.getByText(recruiter.email).waitFor();
    await screenshot(page, "opco-account-card-desktop");

    // Refusing needs a reason: the dialog says so and changes nothing.
    await page.getByRole("button", { name: "Refuser" }).click();
    const dialog = page.getByRole("dialog", { name: "Refuser ce compte" });
    await dialog.getByRole("button", { name: "Refuser le compte" }).click();
    await dialog.getByText("Expliquez le motif en quelques mots (5 caractères au moins).").waitFor();
    await dialog.getByRole("button", { name: "Annuler" }).click();
    await dialog.waitFor({ state: "hidden" });

    // Certifying asks first, and a mistaken certification can be undone at once.
    await page.getByRole("button", { name: "Certifier" }).click();
    const confirm = page.getByRole("dialog", { name: "Certifier ce compte ?" });
    await confirm.getByRole("button", { name: "Oui, certifier" }).click();
    await page.getByText("est certifiée").waitFor();
    await page.getByRole("button", { name: "Annuler la certification" }).click();
    await page.getByText("La certification de").waitFor();
    await page.getByText("Certification annulée").waitFor();
    await page.getByRole("button", { name: "Certifier" }).click();
    await confirm.getByRole("button", { name: "Oui, certifier" }).click();
    await page.getByText("est certifiée").waitFor();
    await page.getByText("Certifié par l'OPCO", { exact: true }).waitFor();
    await screenshot(page, "opco-account-certified-desktop");
    expect(problems).toEqual([]);

    const phone = await open("/opco?statut=certified", "phone", await page.context().storageState());
    await phone.page.getByRole("link", { name: "Supérette Démo des Lilas" }).first().waitFor();
    await screenshot(phone.page, "opco-space-phone");

    const offer = await open(offerPath);
    await offer.page.getByText("Certifiée par l'OPCO").waitFor();
    expect(offer.problems).toEqual([]);
  });

  test("a company that does not know its OPCO says so; the admin gives it one", async () => {
    const email = "direction@clinique-demo.example";
    const { page, problems } = await open("/inscription");
    await page.getByRole("button", { name: /Entreprise dont l'OPCO n'est pas connu/ }).click();
    await page.getByRole("heading", { name: "Clinique Démo des Tilleuls" }).waitFor();
    await page.getByRole("group", { name: /Quel est votre OPCO/ }).waitFor();
    await page.getByRole("radio", { name: /Je ne sais pas/ }).check({ force: true });
    await screenshot(page, "signup-opco-choice-desktop");
    await page.getByRole("button", { name: "C'est mon établissement, continuer" }).click();
    await page.getByLabel("Prénom").fill("Sacha");
    await page.getByLabel("Nom", { exact: true }).fill("Petit");
    await page.getByLabel("Adresse e-mail professionnelle").fill(email);
    await page.getByLabel("Téléphone").fill("0612345679");
    const created = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/accounts") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    const accountId = ((await (await created).json()) as { id: string }).id;
    await page.getByRole("heading", { name: "Vérifiez votre boîte de réception" }).waitFor();
    expect(problems).toEqual([]);

    const adminPage = await signIn(admin.email);
    await adminPage.page.waitForURL("**/admin");
    // Newest first: the account just created heads the queue.
    const queue = adminPage.page.getByRole("table", { name: "Comptes sans OPCO" });
    const row = queue.getByRole("row").filter({ has: adminPage.page.locator(`a[href="/admin/comptes/${accountId}"]`) });
    await row.getByLabel("OPCO de Clinique Démo des Tilleuls").selectOption({ label: "Akto" });
    await screenshot(adminPage.page, "admin-queue-desktop");
    await row.getByRole("button", { name: "Attribuer à Clinique Démo des Tilleuls" }).click();
    // The account leaves the queue; the confirmation stays above it.
    await adminPage.page
      .getByText("Clinique Démo des Tilleuls est attribuée à l'Akto : ses conseillers la voient dans leur espace.")
      .waitFor();
    await expect.poll(() => row.count()).toBe(0);
    expect(adminPage.problems).toEqual([]);
  });
});
