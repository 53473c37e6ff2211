import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ViewportName } from "./support/browser.js";
import { screenshot, useJourneys } from "./support/journey.js";
import { linkOnLine, linkTo, type ReceivedEmail, signInByEmail, startMailbox, waitForEmail } from "./support/mail.js";
import { testResultsDir } from "./support/paths.js";
import { type RunningServer, startServer } from "./support/server.js";

/**
 * CFA matching end to end, on a server of its own sending real email to an SMTP receiver: a company
 * signs up (a demo SIRET near Paris), posts an offer and, on the step that follows, chooses two nearby CFAs; each CFA's email
 * arrives; one CFA answers « Je propose des candidats » from its link (no account), the other « pas
 * de candidat » then unsubscribes; the recruiter receives the answer by email and reads it on the
 * offer's CFA page. A candidate applies, and the recruiter answers from « Candidatures reçues ». Tests run
 * in order and share the offer.
 */
// A company of Les Lilas (a demo SIRET of the sign-up page): Paris has many demo CFAs within reach.
const recruiter = { firstName: "Sacha", lastName: "Bernard", email: "sacha.bernard@superette-demo.example" };
const recruiterEmail = recruiter.email;
const cfaPersonEmail = "cfa@demo.tremplin.localhost";
const adminEmail = "admin@demo.tremplin.localhost";
const requestSubject = /^Une entreprise cherche un alternant : Boulanger/;

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

describe("CFA matching: the recruiter's step, the CFA's answer, the recruiter told", () => {
  const journeys = useJourneys();
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let server: RunningServer;
  let recruiterSession: StorageState;
  let offerId = "";
  let cfaEmails: ReceivedEmail[] = [];

  beforeAll(async () => {
    mailbox = await startMailbox();
    server = await startServer({ label: "cfa", env: { SMTP_URL: mailbox.url } });
  }, 480_000);

  afterAll(async () => {
    await server?.stop();
    await mailbox?.stop();
  });

  const open = (path: string, viewport: ViewportName = "desktop", storageState?: StorageState) =>
    journeys.open(path, { baseUrl: server.url, viewport, storageState });

  test("the recruiter posts an offer and sends the need to two CFAs chosen on the next step", async () => {
    const { page, context, problems } = await open("/inscription");
    await page.getByRole("button", { name: /Entreprise dont l'OPCO est connu/ }).click();
    await page.getByRole("button", { name: "C'est mon établissement, continuer" }).click();
    await page.getByLabel("Prénom").fill(recruiter.firstName);
    await page.getByLabel("Nom", { exact: true }).fill(recruiter.lastName);
    await page.getByLabel("Adresse e-mail professionnelle").fill(recruiter.email);
    await page.getByLabel("Téléphone").fill("06 12 34 56 78");
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    const confirmation = await waitForEmail(mailbox, recruiter.email, /Confirmez votre adresse/);
    await page.goto(linkTo(confirmation, "/connexion/lien"));
    await page.waitForURL("**/espace");
    recruiterSession = await context.storageState();

    await page.getByRole("link", { name: "Déposer une offre" }).click();
    const job = page.getByRole("combobox", { name: /Métier/ });
    await job.pressSequentially("boulang", { delay: 30 });
    await page.getByRole("option", { name: "Boulanger / Boulangère", exact: true }).click();
    await page.getByLabel("Date de début").fill(new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole("button", { name: "Publier l'offre" }).click();
    await page.getByRole("heading", { name: "Votre offre est en ligne", level: 1 }).waitFor();
    offerId = /\/espace\/offres\/([0-9a-f-]{36})\/publiee/.exec(page.url())?.[1] ?? "";
    expect(offerId).not.toBe("");

    const step = page.getByRole("region", { name: "Faites connaître votre besoin aux CFA" });
    await step.getByRole("group", { name: /CFA à moins de \d+ km/ }).waitFor();
    // Nothing ticked: the refusal is said next to the boxes, with core's message.
    await step.getByRole("button", { name: "Envoyer ma demande" }).click();
    await step.getByText("Choisissez au moins un CFA.").waitFor();
    const boxes = step.getByRole("checkbox");
    const offered = await boxes.count();
    expect(offered).toBeGreaterThanOrEqual(2);
    const chosen = [await boxes.nth(0).getAttribute("value"), await boxes.nth(1).getAttribute("value")];
    await boxes.nth(0).check({ force: true });
    await boxes.nth(1).check({ force: true });
    await screenshot(page, "cfa-step-chosen-desktop");
    await step.getByRole("button", { name: "Envoyer ma demande aux 2 CFA choisis" }).click();
    await step.getByText("Votre besoin a été transmis").waitFor();
    await step.getByRole("heading", { name: "Demandes envoyées" }).waitFor();
    await step.getByText("2 CFA sollicités · aucune réponse pour l'instant").waitFor();
    // The two CFAs asked leave the boxes for the list of requests sent.
    expect(await step.getByRole("checkbox").count()).toBe(offered - 2);
    for (const siret of chosen) expect(await step.locator(`input[value="${siret}"]`).count()).toBe(0);
    expect(await step.getByRole("region", { name: "Demandes envoyées" }).getByRole("listitem").count()).toBe(2);
    await screenshot(page, "cfa-step-sent-desktop");

    await waitForEmail(mailbox, recruiterEmail, /a été transmis à 2 CFA/);
    expect(problems).toEqual([]);
  });

  test("each CFA receives the need; one proposes candidates from its link, without an account", async () => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      cfaEmails = mailbox.received.filter((email) => requestSubject.test(email.subject));
      if (cfaEmails.length >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(cfaEmails).toHaveLength(2);
    const [first] = cfaEmails as [ReceivedEmail, ReceivedEmail];
    // The email carries the recruiter's contact: the CFA may call directly.
    expect(first.text).toContain(recruiterEmail);

    const { page, problems } = await open(linkOnLine(first, /Je propose des candidats/), "phone");
    await page.getByRole("heading", { name: "Une entreprise cherche un alternant", level: 1 }).waitFor();
    // The email's button preselected its answer; the click stays the person's.
    expect(await page.getByRole("radio", { name: /Je propose des candidats/ }).isChecked()).toBe(true);
    await page.getByLabel("Message à l'entreprise (facultatif)").fill("Deux apprentis en CAP cherchent, appelez-moi.");
    await screenshot(page, "cfa-answer-phone");
    await page.getByRole("button", { name: "Envoyer ma réponse" }).click();
    await page.getByText("Réponse envoyée").waitFor();
    await screenshot(page, "cfa-answer-sent-phone");

    const told = await waitForEmail(mailbox, recruiterEmail, /vous propose des candidats pour « Boulanger/);
    expect(told.text).toContain("Deux apprentis en CAP cherchent");
    expect(problems).toEqual([]);
  });

  test("the other CFA has no candidate now, then stops receiving requests", async () => {
    const second = cfaEmails[1] as ReceivedEmail;
    const { page, problems } = await open(linkOnLine(second, /Pas de candidat pour le moment/), "desktop");
    await page.getByRole("heading", { name: "Une entreprise cherche un alternant", level: 1 }).waitFor();
    expect(await page.getByRole("radio", { name: /Pas de candidat pour le moment/ }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Envoyer ma réponse" }).click();
    await page.getByText(/est prévenue que vous n'avez pas de candidat/).waitFor();
    await waitForEmail(mailbox, recruiterEmail, /n'a pas de candidat pour « Boulanger/);

    // Opening the unsubscribe link changes nothing until the click.
    await page.goto(linkTo(second, "/cfa/desinscription"));
    await page.getByRole("button", { name: "Ne plus recevoir de demandes d'entreprises" }).click();
    await page.getByText(/ne recevra plus de demandes d'entreprises/).waitFor();
    await page.getByRole("button", { name: "Recevoir de nouveau les demandes" }).waitFor();
    await screenshot(page, "cfa-opt-out-desktop");
    expect(problems).toEqual([]);
  });

  test("the recruiter reads both answers on the offer's CFA page", async () => {
    const { page, problems } = await open("/espace", "phone", recruiterSession);
    await page
      .getByRole("listitem")
      .filter({ hasText: "Boulanger / Boulangère" })
      .first()
      .getByRole("link", { name: /^CFA/ })
      .click();
    await page.getByRole("heading", { name: "Faites connaître votre besoin aux CFA", level: 1 }).waitFor();
    await page.getByText("2 CFA sollicités · 2 réponses").waitFor();
    await page.getByText("« Deux apprentis en CAP cherchent, appelez-moi. »").waitFor();
    await screenshot(page, "cfa-requests-answers-phone");
    expect(problems).toEqual([]);
  });

  test("a candidate applies; the recruiter reads the application and proposes an interview", async () => {
    const form = new FormData();
    form.set("offerId", offerId);
    form.set("firstName", "Léa");
    form.set("lastName", "Dupont");
    form.set("email", "lea.dupont@example.org");
    form.set("phone", "06 11 22 33 44");
    form.set("message", "Je prépare un CAP boulanger et je cherche une entreprise pour la rentrée.");
    form.set(
      "cv",
      new Blob(["%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"], { type: "application/pdf" }),
      "cv-lea.pdf",
    );
    const applied = await fetch(`${server.url}/api/v1/applications`, { method: "POST", body: form });
    expect(applied.status).toBe(201);

    // From the space to the inbox (ADR 011), narrowed to this offer: the counts follow the filter.
    const { page, problems } = await open("/espace", "desktop", recruiterSession);
    await page.getByRole("link", { name: "Voir les candidatures reçues" }).click();
    await page.getByRole("heading", { name: "Candidatures reçues", level: 1 }).waitFor();
    await page.getByLabel("Offre", { exact: true }).selectOption(offerId);
    await page.waitForURL(`**/espace/candidatures?offre=${offerId}`);
    await page.getByRole("button", { name: "Toutes (1)" }).waitFor();
    await page.getByRole("button", { name: "Nouvelles (1)" }).waitFor();
    const card = page.getByRole("listitem", { name: "Léa Dupont" });
    await card.getByText("Nouvelle", { exact: true }).waitFor();
    await card.getByText("Je prépare un CAP boulanger et je cherche une entreprise pour la rentrée.").waitFor();
    await card.getByRole("link", { name: /Télécharger le CV.*cv-lea\.pdf/ }).waitFor();
    await card.locator("summary").click();
    // A refusal needs its reason: core's rule, said on the field before any request.
    await card.getByLabel("Nouvel état (le candidat le voit)").selectOption({ label: "Refusée" });
    await card.getByRole("button", { name: /^Changer l'état/ }).click();
    await card.getByText("Choisissez le motif du refus : il aide le candidat.").waitFor();
    await card.getByLabel("Nouvel état (le candidat le voit)").selectOption({ label: "Entretien proposé" });
    await card.getByLabel("Message au candidat (facultatif)").fill("Passez mardi à 10 h.");
    await screenshot(page, "applications-answer-desktop");
    await card.getByRole("button", { name: /^Changer l'état/ }).click();
    await card.getByText("Candidature de Léa Dupont : entretien.").waitFor();
    // The card reads the new status and the answer sent; the tags count it as an interview.
    await card.getByText("Entretien", { exact: true }).waitFor();
    await card.getByText(/Dernière réponse le .* — « Passez mardi à 10 h\. »/).waitFor();
    await page.getByRole("button", { name: "Entretien (1)" }).waitFor();
    await page.getByRole("button", { name: "Nouvelles (0)" }).waitFor();
    await screenshot(page, "applications-answered-desktop");
    expect(problems).toEqual([]);
  });

  test("the demo CFA signs in and finds its space with the companies' requests", async () => {
    const { page, problems } = await signInByEmail(() => open("/connexion", "phone"), mailbox, cfaPersonEmail);
    await page.waitForURL("**/espace");
    await page.getByRole("heading", { name: "Demandes des entreprises", level: 2 }).waitFor();
    await page.getByRole("link", { name: "Voir les demandes" }).click();
    await page.getByRole("heading", { name: "Demandes des entreprises", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Vos organismes" }).waitFor();
    await screenshot(page, "cfa-space-phone");
    expect(problems).toEqual([]);
  });

  test("a visitor reports the offer; the admin dismisses the report, then sees the algorithm's runs and requests", async () => {
    const reported = await fetch(`${server.url}/api/v1/reports`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        offerId,
        reason: "not_apprenticeship",
        message: "Semble être un CDI (signalement de test).",
      }),
    });
    expect(reported.status).toBe(201);

    const { page, problems } = await signInByEmail(() => open("/connexion"), mailbox, adminEmail);
    await page.waitForURL("**/admin");
    await page
      .getByRole("navigation", { name: "Pages de l'administration" })
      .getByRole("link", { name: "Signalements" })
      .click();
    await page.getByRole("heading", { name: "Signalements", level: 1 }).waitFor();
    const card = page.getByRole("listitem").filter({ hasText: "Semble être un CDI" });
    await card.getByText("Ce n'est pas un poste en alternance").waitFor();
    await screenshot(page, "admin-reports-desktop");
    await card.getByLabel("Note (facultative)").fill("Vérifié : c'est bien un apprentissage.");
    await card.getByRole("button", { name: /Classer sans suite/ }).click();
    await page.getByText("Aucun signalement à traiter.").waitFor();
    // The DSFR segmented control: its label is what people click.
    await page.locator("label", { hasText: "Classé sans suite" }).click();
    expect(new URL(page.url()).searchParams.get("statut")).toBe("dismissed");
    await page.getByText("« Vérifié : c'est bien un apprentissage. »", { exact: false }).waitFor();

    await page.getByRole("link", { name: "Algorithme : calculs" }).click();
    const runs = page.getByRole("table", { name: "Calculs de l'algorithme" });
    await runs.getByRole("row").nth(1).waitFor();
    // The published run is marked, and cannot be published again.
    const published = runs.getByRole("row").filter({ hasText: "Publié" });
    expect(await published.count()).toBe(1);
    expect(await published.getByRole("button", { name: /Publier/ }).count()).toBe(0);
    await screenshot(page, "admin-algo-runs-desktop");

    await page.getByRole("link", { name: "Retraits et référencements" }).click();
    await page.getByRole("heading", { name: "Demandes de retrait", level: 2 }).waitFor();
    await page.getByRole("heading", { name: "Demandes de référencement", level: 2 }).waitFor();
    await screenshot(page, "admin-algo-requests-desktop");
    expect(problems).toEqual([]);
  });

  test("the admin's pages on a phone", async () => {
    const { page, problems } = await signInByEmail(() => open("/connexion", "phone"), mailbox, adminEmail);
    await page.waitForURL("**/admin");
    await page.goto("/admin/algorithme");
    await page.getByRole("table", { name: "Calculs de l'algorithme" }).waitFor();
    await screenshot(page, "admin-algo-runs-phone");
    // The demo's evaluation: its backtest, read on a phone (each row a card of labelled values).
    await page
      .getByRole("link", { name: /Évaluation/ })
      .first()
      .click();
    await page.getByRole("heading", { name: /Calcul n° \d+ · Évaluation/, level: 1 }).waitFor();
    const overall = page.getByRole("table", { name: "Ensemble (backtest)" });
    await overall.waitFor();
    expect(await overall.getByRole("row", { name: /Tous les établissements/ }).textContent()).toMatch(/\d+,\d %/);
    await page.getByRole("table", { name: "Par région (backtest)" }).waitFor();
    const figure = page.getByRole("img", { name: /Courbes de captation/ });
    await figure.waitFor();
    // The report's figure is served to the admin's session, and loads.
    expect(await figure.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await screenshot(page, "admin-algo-run-phone");
    await page.goto("/admin/algorithme/demandes");
    await page.getByRole("heading", { name: "Demandes de retrait", level: 2 }).waitFor();
    await screenshot(page, "admin-algo-requests-phone");
    expect(problems).toEqual([]);
  });

  test("partners read « Intégrer l'API » from the footer", async () => {
    const { page, problems } = await open("/", "phone");
    await page.getByRole("contentinfo").getByRole("link", { name: "Intégrer l'API" }).click();
    await page.getByRole("heading", { name: "Intégrer l'API Tremplin", level: 1 }).waitFor();
    expect(await page.getByRole("link", { name: "/api/docs/openapi.json" }).getAttribute("href")).toBe(
      "/api/docs/openapi.json",
    );
    await page.getByText("X-Tremplin-Signature: t=<horodatage>").waitFor();
    await screenshot(page, "partners-api-phone");
    // The full page is too long to read at once: the code examples as a phone shows them.
    await page.getByRole("heading", { name: "Vérifier la signature" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(testResultsDir, "partners-api-signature-phone.png") });
    expect(problems).toEqual([]);
  });
});
