import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { screenshot, useJourneys } from "./support/journey.js";
import type { ReceivedEmail } from "./support/mail.js";
import { linkOnLine, startMailbox, waitForEmail } from "./support/mail.js";
import { type RunningServer, startServer } from "./support/server.js";

/**
 * Applying, on a server of its own that sends real email to an SMTP receiver in this process: a
 * candidate on a phone applies to a demo offer with a small PDF → the recruiter's email arrives with
 * the CV attached → « Je propose un entretien » in that email → the answer page → the candidate's
 * email. Then a spontaneous application to a company likely to hire (the CV is required there).
 */
const candidate = {
  firstName: "Camille",
  lastName: "Durand",
  email: "camille.durand@candidat-demo.example",
  phone: "06 11 22 33 44",
};
// The demo set has bakery offers around Lyon (its demo seeder guarantees them) and a bakery likely to hire in Lyon 8e.
const bakerNearLyon =
  "/recherche?metier=11573&rome=D1102&intitule=Boulanger+%2F+Boulang%C3%A8re&lieu=Lyon+%2869%29&lat=45.75418&lon=4.84289";
// The smallest file the server takes for a PDF: its magic number, then anything.
const smallPdf = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

describe("Candidate applies, recruiter answers from the email", () => {
  const journeys = useJourneys();
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let server: RunningServer;

  beforeAll(async () => {
    mailbox = await startMailbox();
    server = await startServer({ label: "candidate", env: { SMTP_URL: mailbox.url } });
  }, 480_000);

  afterAll(async () => {
    await server?.stop();
    await mailbox?.stop();
  });

  /** The newest email whose subject matches, whoever it is for (the demo recruiter's address is the demo's). */
  async function emailWithSubject(subject: RegExp, timeoutMs = 30_000): Promise<ReceivedEmail> {
    await expect
      .poll(() => mailbox.received.some((email) => subject.test(email.subject)), { timeout: timeoutMs })
      .toBe(true);
    return mailbox.received.filter((email) => subject.test(email.subject)).at(-1) as ReceivedEmail;
  }

  test("applies to an offer with a PDF; the recruiter proposes an interview from the email", async () => {
    const { page, problems } = await journeys.open(bakerNearLyon, { baseUrl: server.url, viewport: "phone" });
    const card = page.getByRole("article").filter({ hasText: "Offre d'emploi" }).first();
    const title = (await card.getByRole("heading").textContent())?.trim() ?? "";
    await card.getByRole("link").first().click();
    await page.getByRole("heading", { name: title, level: 1 }).waitFor();

    // The offer is long on a phone: a button at the bottom of the screen leads to the form's first field.
    await page.getByRole("link", { name: "Postuler à cette offre" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("candidature-prenom");
    await expect.poll(() => page.getByRole("link", { name: "Postuler à cette offre" }).count()).toBe(0);
    const form = page.getByRole("form", { name: /^Candidature/ });
    await page.getByRole("heading", { name: "Postuler", level: 2 }).waitFor();
    // Sent empty: the summary lists the problems in core's words, focused, each linking to its field.
    await form.getByRole("button", { name: "Envoyer ma candidature" }).click();
    await page.getByRole("heading", { name: "Le formulaire contient 4 erreurs" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Le formulaire contient 4 erreurs/);
    await page.getByRole("link", { name: "Prénom : Indiquez votre prénom." }).waitFor();

    await form.getByLabel("Prénom").fill(candidate.firstName);
    await form.getByLabel("Nom", { exact: true }).fill(candidate.lastName);
    await form.getByLabel("Adresse e-mail").fill(candidate.email);
    await form.getByLabel("Téléphone").fill("06 11");
    // A file that is not a CV is refused as soon as it is chosen, before any upload.
    await form.getByLabel(/Votre CV/).setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: smallPdf });
    await form
      .getByText(/doit être un fichier PDF/)
      .first()
      .waitFor();
    await form
      .getByLabel(/Votre CV/)
      .setInputFiles({ name: "CV Camille.pdf", mimeType: "application/pdf", buffer: smallPdf });
    await form
      .getByLabel("Message (facultatif)")
      .fill("Bonjour,\nJe prépare un CAP cuisine et je suis disponible dès septembre.");
    await form.getByRole("button", { name: "Envoyer ma candidature" }).click();
    // The phone number is wrong: said on its field; everything typed is still there.
    await page.getByRole("heading", { name: "Le formulaire contient une erreur" }).waitFor();
    expect(await form.getByLabel("Prénom").inputValue()).toBe(candidate.firstName);
    await screenshot(page, "candidate-apply-error-phone");
    await form.getByLabel("Téléphone").fill(candidate.phone);
    await form.getByRole("button", { name: "Envoyer ma candidature" }).click();

    await page.getByRole("heading", { name: "Votre candidature est envoyée" }).waitFor();
    await page.getByText("CV joint : CV Camille.pdf").waitFor();
    await screenshot(page, "candidate-apply-sent-phone");
    expect(problems).toEqual([]);

    const copy = await waitForEmail(mailbox, candidate.email, /a été envoyée/);
    expect(copy.text).toContain("Je prépare un CAP cuisine");

    const toRecruiter = await emailWithSubject(/^Candidature de Camille Durand pour/);
    expect(toRecruiter.replyTo).toBe(candidate.email);
    expect(toRecruiter.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ["CV Camille Durand.pdf", "application/pdf"],
    ]);
    expect(toRecruiter.attachments[0]?.content.equals(smallPdf)).toBe(true);
    const interviewLink = linkOnLine(toRecruiter, /Je propose un entretien/);
    expect(interviewLink).toMatch(/^\/candidatures\/reponse\?jeton=/);

    // The recruiter, not signed in, on a laptop.
    const recruiter = await journeys.open(interviewLink, { baseUrl: server.url, viewport: "desktop" });
    await recruiter.page.getByRole("heading", { name: "Proposer un entretien", level: 1 }).waitFor();
    await recruiter.page.getByText(`Candidature de Camille Durand pour « ${title} »`).waitFor();
    await recruiter.page
      .getByLabel("Message au candidat (facultatif)")
      .fill("Je vous appelle jeudi pour fixer un rendez-vous.");
    await screenshot(recruiter.page, "candidate-answer-link-desktop");
    await recruiter.page.getByRole("button", { name: "Confirmer : je propose un entretien" }).click();
    await recruiter.page.getByRole("heading", { name: "Réponse envoyée" }).waitFor();
    await recruiter.page.getByText(/le candidat sait que vous lui proposez un entretien/).waitFor();
    await screenshot(recruiter.page, "candidate-answer-sent-desktop");

    const answer = await waitForEmail(mailbox, candidate.email, /vous propose un entretien$/);
    expect(answer.text).toContain("Je vous appelle jeudi");

    // Opening the link again answers nothing twice, and says so.
    await recruiter.page.reload();
    await recruiter.page.getByText("Vous avez déjà répondu").waitFor();
    expect(recruiter.problems).toEqual([]);
  });

  test("sends a spontaneous application to a company likely to hire; the CV is required there", async () => {
    const { page, problems } = await journeys.open(bakerNearLyon, { baseUrl: server.url, viewport: "phone" });
    const bakery = page
      .getByRole("article")
      .filter({ hasText: "Entreprise susceptible de recruter" })
      .filter({ hasText: "Boulangerie Démo de la Place" });
    await bakery.getByRole("link", { name: /Candidature spontanée/ }).click();
    await page.getByRole("heading", { name: "Boulangerie Démo de la Place", level: 1 }).waitFor();
    await page
      .getByText(/A recruté \d+ alternants?/)
      .first()
      .waitFor();

    const form = page.getByRole("form", { name: /^Candidature/ });
    await form.getByLabel("Prénom").fill(candidate.firstName);
    await form.getByLabel("Nom", { exact: true }).fill(candidate.lastName);
    await form.getByLabel("Adresse e-mail").fill(candidate.email);
    await form.getByLabel("Téléphone").fill(candidate.phone);
    await form.getByRole("button", { name: "Envoyer ma candidature" }).click();
    await page.getByRole("link", { name: /^CV : Joignez votre CV/ }).waitFor();
    await screenshot(page, "candidate-spontaneous-error-phone");

    await form.getByLabel("Votre CV").setInputFiles({ name: "cv.pdf", mimeType: "application/pdf", buffer: smallPdf });
    await form.getByRole("button", { name: "Envoyer ma candidature" }).click();
    await page.getByRole("heading", { name: "Votre candidature est envoyée" }).waitFor();
    await page.getByText("Boulangerie Démo de la Place a reçu votre candidature").waitFor();
    const toCompany = await emailWithSubject(
      /^Candidature spontanée de Camille Durand pour Boulangerie Démo de la Place/,
    );
    expect(toCompany.attachments).toHaveLength(1);
    expect(problems).toEqual([]);

    // The company refuses from its email: the reason is required, and the candidate reads it.
    const recruiter = await journeys.open(linkOnLine(toCompany, /Je refuse/), {
      baseUrl: server.url,
      viewport: "phone",
    });
    await recruiter.page.getByRole("heading", { name: "Refuser la candidature", level: 1 }).waitFor();
    await recruiter.page.getByText("Candidature spontanée de Camille Durand à Boulangerie Démo de la Place").waitFor();
    await recruiter.page.getByRole("button", { name: "Envoyer ma réponse" }).click();
    await recruiter.page
      .getByRole("link", { name: "Motif du refus : Choisissez le motif du refus : il aide le candidat." })
      .waitFor();
    await screenshot(recruiter.page, "candidate-answer-refusal-phone");
    await recruiter.page.getByLabel("Motif du refus").selectOption({ label: "Le poste est déjà pourvu" });
    await recruiter.page.getByRole("button", { name: "Envoyer ma réponse" }).click();
    await recruiter.page.getByRole("heading", { name: "Réponse envoyée" }).waitFor();
    const refusal = await waitForEmail(mailbox, candidate.email, /^Réponse de Boulangerie Démo de la Place/);
    expect(refusal.text).toContain("Motif indiqué : Le poste est déjà pourvu.");
    expect(recruiter.problems).toEqual([]);
  });

  test("a company asks to leave the list; a broken confirmation link says so", async () => {
    const { page, problems } = await journeys.open("/entreprises/dereferencement", {
      baseUrl: server.url,
      viewport: "phone",
    });
    await page.getByRole("heading", { name: "Retirer mon entreprise de la liste", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Demander le retrait" }).click();
    await page.getByRole("heading", { name: "Le formulaire contient 3 erreurs" }).waitFor();
    await page.getByLabel("Numéro SIRET de l'établissement").fill("800 029 829 00010");
    await page.getByLabel("Votre adresse e-mail professionnelle").fill("gerant@boulangerie-demo.example");
    await page.getByLabel("Raison de la demande").fill("Nous ne prenons plus d'apprentis.");
    await page.getByRole("button", { name: "Demander le retrait" }).click();
    await page.getByRole("heading", { name: "Demande reçue", level: 1 }).waitFor();
    await screenshot(page, "candidate-delisting-received-phone");
    expect(problems).toEqual([]);

    // The other way round: a company asks to be listed for its jobs.
    await page.goto("/entreprises/referencement");
    await page.getByRole("heading", { name: "Référencer mon entreprise", level: 1 }).waitFor();
    await page.getByLabel("Numéro SIRET de l'établissement").fill("800 029 829 00010");
    await page.getByLabel("Prénom du contact").fill("Dominique");
    await page.getByLabel("Nom du contact", { exact: true }).fill("Leroy");
    await page.getByLabel("Adresse e-mail du contact").fill("rh@boulangerie-demo.example");
    await page.getByLabel("Téléphone du contact").fill("04 78 12 34 56");
    const jobs = page.getByRole("combobox", { name: /Métiers pour lesquels/ });
    await jobs.pressSequentially("boulang", { delay: 30 });
    await page.getByRole("option", { name: /^Boulanger \/ Boulangère$/ }).click();
    await jobs.pressSequentially("pâtissier", { delay: 30 });
    await page
      .getByRole("option", { name: /^Pâtissier \/ Pâtissière/ })
      .first()
      .click();
    await page
      .getByRole("button", { name: /^Retirer / })
      .nth(1)
      .waitFor();
    await screenshot(page, "candidate-listing-form-phone");
    await page.getByRole("button", { name: "Envoyer ma demande" }).click();
    await page.getByRole("heading", { name: "Demande reçue", level: 1 }).waitFor();
    expect(problems).toEqual([]);

    const broken = await journeys.open("/entreprises/dereferencement/confirmation?jeton=abcdefghijklmnopqrstuvwxyz", {
      baseUrl: server.url,
    });
    await broken.page.getByRole("heading", { name: "Ce lien ne fonctionne plus", level: 1 }).waitFor();
    expect(broken.problems).toEqual([]);
  });
});
