import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ViewportName } from "./support/browser.js";
import { screenshot, useJourneys } from "./support/journey.js";
import { signInByEmail, startMailbox } from "./support/mail.js";
import { type RunningServer, startServer } from "./support/server.js";

/**
 * The hire loop (issue 15, ADR 011) on the demo data of a server of its own (real email for the
 * sign-in links): a candidate applies to one of the demo recruiter's offers, the recruiter sets it to
 * « entretien » from the inbox, the candidate signs in by link and reads « Entretien »; then the
 * recruiter works the inbox (status filter, note, refusal with its reason) and hires that candidate,
 * which offers to close the offer. Tests run in order and share the offer and the people.
 */
const recruiterEmail = "recruteur@demo.tremplin.localhost";
const demoCandidateEmail = "candidat@demo.tremplin.localhost";
const candidate = { firstName: "Maëlle", lastName: "Journey", email: "maelle.journey@candidat-demo.example" };
const candidateName = `${candidate.firstName} ${candidate.lastName}`;
const smallPdf = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

describe("Hire loop: candidate space and recruiter inbox", () => {
  const journeys = useJourneys();
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let server: RunningServer;
  let recruiterSession: StorageState;
  let offer = { id: "", title: "" };

  beforeAll(async () => {
    mailbox = await startMailbox();
    server = await startServer({ label: "hire-loop", env: { SMTP_URL: mailbox.url } });
  }, 600_000);

  afterAll(async () => {
    await server?.stop();
    await mailbox?.stop();
  });

  const open = (path: string, viewport: ViewportName = "desktop", storageState?: StorageState) =>
    journeys.open(path, { baseUrl: server.url, viewport, storageState });
  const signIn = (email: string, viewport: ViewportName = "desktop") =>
    signInByEmail(() => open("/connexion", viewport), mailbox, email);

  test("a candidate applies, the recruiter proposes an interview from the inbox, the candidate reads it", async () => {
    const recruiter = await signIn(recruiterEmail);
    await recruiter.page.waitForURL("**/espace");
    recruiterSession = await recruiter.context.storageState();
    const mine = (await (await recruiter.context.request.get("/api/v1/me/offers")).json()) as {
      items: { id: string; title: string; status: string }[];
    };
    const live = mine.items.find((o) => o.status === "active");
    expect(live).toBeDefined();
    offer = { id: live?.id ?? "", title: live?.title ?? "" };

    // The candidate, on a phone, applies to that offer.
    const { page, problems } = await open(`/offres/${offer.id}`, "phone");
    const form = page.getByRole("form", { name: /^Candidature/ });
    await form.getByLabel("Prénom").fill(candidate.firstName);
    await form.getByLabel("Nom", { exact: true }).fill(candidate.lastName);
    await form.getByLabel("Adresse e-mail").fill(candidate.email);
    await form.getByLabel("Téléphone").fill("06 11 22 33 44");
    await form
      .getByLabel(/Votre CV/)
      .setInputFiles({ name: "CV Maëlle.pdf", mimeType: "application/pdf", buffer: smallPdf });
    await form.getByLabel("Message (facultatif)").fill("Je suis disponible dès septembre.");
    await form.getByRole("button", { name: "Envoyer ma candidature" }).click();
    await page.getByRole("heading", { name: "Votre candidature est envoyée" }).waitFor();
    expect(problems).toEqual([]);

    // The recruiter finds it in the inbox, filtered on the offer, with the CV kept, and proposes an interview.
    await recruiter.page.getByRole("link", { name: "Voir les candidatures reçues" }).click();
    await recruiter.page.getByRole("heading", { name: "Candidatures reçues", level: 1 }).waitFor();
    await recruiter.page.getByLabel("Offre", { exact: true }).selectOption(offer.id);
    await recruiter.page.waitForURL(`**/espace/candidatures?offre=${offer.id}`);
    const card = recruiter.page.getByRole("listitem", { name: candidateName });
    await card.getByText("Je suis disponible dès septembre.").waitFor();
    const cv = await card.getByRole("link", { name: /Télécharger le CV/ }).getAttribute("href");
    const download = await recruiter.context.request.get(cv ?? "");
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(smallPdf)).toBe(true);
    await card.locator("summary").click();
    await card.getByLabel("Nouvel état (le candidat le voit)").selectOption({ label: "Entretien proposé" });
    await card.getByLabel("Message au candidat (facultatif)").fill("Je vous appelle jeudi.");
    await card.getByRole("button", { name: /^Changer l'état/ }).click();
    await card.getByText(`Candidature de ${candidateName} : entretien.`).waitFor();
    await card.getByText("Entretien", { exact: true }).waitFor();
    expect(recruiter.problems).toEqual([]);

    // The candidate signs in by link (with the address they applied with) and lands on their space.
    const space = await signIn(candidate.email, "phone");
    await space.page.waitForURL("**/mes-candidatures");
    const sent = space.page.getByRole("listitem", { name: `${offer.title} · ` }).first();
    await sent.getByText("Entretien", { exact: true }).waitFor();
    await sent.getByText("Je vous appelle jeudi.").waitFor();
    await space.page.getByRole("link", { name: "Mes alertes" }).first().waitFor();
    await screenshot(space.page, "candidate-space-interview-phone");
    expect(space.problems).toEqual([]);
  });

  test("the demo candidate follows every status, withdraws one, declares a contract", async () => {
    // The phone first: the desktop then changes two of them.
    for (const viewport of ["phone", "desktop"] as const) {
      const { page, problems } = await signIn(demoCandidateEmail, viewport);
      await page.waitForURL("**/mes-candidatures");
      await page.getByText(/6 candidatures envoyées/).waitFor();
      for (const label of [
        "Nouvelle",
        "En cours d'examen",
        "Entretien",
        "Refusée",
        "Recrutée",
        "Retirée par le candidat",
      ])
        await page.getByText(label, { exact: true }).first().waitFor();
      await screenshot(page, `candidate-space-${viewport}`);
      expect(problems).toEqual([]);
      if (viewport === "phone") continue;

      await page
        .getByRole("button", { name: /^Retirer ma candidature/ })
        .first()
        .click();
      const dialog = page.getByRole("dialog", { name: "Retirer cette candidature ?" });
      await dialog.getByRole("button", { name: "Oui, retirer ma candidature" }).click();
      await page.getByText(/est retirée : le recruteur en est informé/).waitFor();
      await page
        .getByRole("button", { name: /^J'ai signé un contrat/ })
        .first()
        .click();
      await page.getByText(/C'est noté : vous avez signé un contrat/).waitFor();
      expect(problems).toEqual([]);
    }
  });

  test("the recruiter filters by status, writes a note, refuses with a reason, hires and closes the offer", async () => {
    const { page, problems } = await open("/espace/candidatures", "desktop", recruiterSession);
    await page.getByRole("heading", { name: "Candidatures reçues", level: 1 }).waitFor();
    await screenshot(page, "inbox-desktop");

    await page.getByRole("button", { name: /^Nouvelles \(\d+\)$/ }).click();
    await page.waitForURL("**/espace/candidatures?statut=new");
    const cards = page.locator("main li.app-bordered");
    await cards.first().waitFor();
    const badges = await cards.locator(".fr-badge").allTextContents();
    expect(new Set(badges)).toEqual(new Set(["Nouvelle"]));

    // A private note on the first one.
    const first = cards.first();
    await first.locator("summary").click();
    await first.getByLabel("Note privée").fill("Profil intéressant, à rappeler lundi.");
    await first.getByRole("button", { name: /^Enregistrer la note/ }).click();
    await first.getByText("Note enregistrée.").waitFor();

    // A refusal needs its reason; it leaves the « new » list and is counted among the refused.
    const refusedTag = page.getByRole("button", { name: /^Refusées \(\d+\)$/ });
    const refusedBefore = Number((await refusedTag.textContent())?.match(/\d+/)?.[0]);
    const second = cards.nth(1);
    await second.locator("summary").click();
    await second.getByLabel("Nouvel état (le candidat le voit)").selectOption({ label: "Refusée" });
    await second.getByRole("button", { name: /^Changer l'état/ }).click();
    await second
      .getByText(/Choisissez le motif du refus/)
      .first()
      .waitFor();
    await second.getByLabel("Motif du refus").selectOption({ label: "Le poste est déjà pourvu" });
    await screenshot(page, "inbox-refusal-desktop");
    await second.getByRole("button", { name: /^Changer l'état/ }).click();
    await page.getByRole("button", { name: `Refusées (${refusedBefore + 1})` }).waitFor();

    // The note stayed.
    await page.reload();
    await page
      .getByText(/note enregistrée/)
      .first()
      .waitFor();

    // Hiring the candidate of the first test fills the offer's only position: closing it is offered.
    await page.goto(`/espace/candidatures?offre=${offer.id}`);
    const card = page.getByRole("listitem", { name: candidateName });
    await card.locator("summary").click();
    await card.getByLabel("Nouvel état (le candidat le voit)").selectOption({ label: "Embauché(e)" });
    await card.getByRole("button", { name: /^Changer l'état/ }).click();
    const dialog = page.getByRole("dialog", { name: "Clôturer l'offre" });
    await dialog.getByLabel("J'ai recruté une personne qui a candidaté par Tremplin").waitFor();
    expect(await dialog.getByLabel("J'ai recruté une personne qui a candidaté par Tremplin").isChecked()).toBe(true);
    await expect.poll(() => dialog.getByLabel("Personne recrutée").inputValue()).not.toBe("");
    await screenshot(page, "inbox-close-offer-desktop");
    await dialog.getByRole("button", { name: "Clôturer l'offre" }).click();
    await page.getByText(/est clôturée : elle n'est plus visible des candidats/).waitFor();
    const closed = (await (await page.context().request.get(`/api/v1/me/offers/${offer.id}`)).json()) as {
      status: string;
    };
    expect(closed.status).toBe("filled");
    expect(problems).toEqual([]);

    const phone = await open("/espace/candidatures", "phone", recruiterSession);
    await phone.page.getByRole("heading", { name: "Candidatures reçues", level: 1 }).waitFor();
    await phone.page.locator("main li.app-bordered").first().waitFor();
    await screenshot(phone.page, "inbox-phone");
    // The first screen as a person sees it (the full page is long).
    await phone.page.screenshot({ path: "test-results/inbox-phone-first-screen.png" });
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(phone.problems).toEqual([]);
  });

  test("the space closes an offer with its reason; the hired candidate reads it, then erases their data", async () => {
    const { page, problems } = await open("/espace", "desktop", recruiterSession);
    await page.getByRole("heading", { name: "Candidatures reçues", level: 2 }).waitFor();
    await page.getByText(/\d+ candidatures dont \d+ nouvelles?/).waitFor();
    await page
      .getByRole("button", { name: /^Clôturer l'offre : / })
      .first()
      .click();
    const dialog = page.getByRole("dialog", { name: "Clôturer l'offre" });
    await dialog.getByRole("button", { name: "Clôturer l'offre" }).click();
    await dialog.getByText("Dites pourquoi vous clôturez l'offre.").waitFor();
    await dialog.getByText("Je ne recrute plus pour ce poste").click();
    await screenshot(page, "space-close-offer-desktop");
    await dialog.getByRole("button", { name: "Clôturer l'offre" }).click();
    await page.getByText(/est clôturée : elle n'est plus visible des candidats/).waitFor();
    expect(problems).toEqual([]);

    const space = await signIn(candidate.email, "phone");
    await space.page.waitForURL("**/mes-candidatures");
    await space.page.getByText("Recrutée", { exact: true }).waitFor();
    await space.page.getByRole("button", { name: "Supprimer mes données" }).click();
    await space.page.getByRole("button", { name: "Supprimer définitivement mes données" }).click();
    await space.page.getByText("Recopiez le mot EFFACER pour confirmer.").waitFor();
    await space.page.getByLabel("Pour confirmer, recopiez le mot EFFACER").fill("effacer");
    await screenshot(space.page, "candidate-erase-phone");
    await space.page.getByRole("button", { name: "Supprimer définitivement mes données" }).click();
    await space.page.getByRole("heading", { name: "Vos données sont supprimées", level: 1 }).waitFor();
    expect((await space.context.request.get("/api/v1/me")).status()).toBe(401);
    expect(space.problems).toEqual([]);

    // The demo's year of applications feeds the public barometer (screenshot to look at).
    const barometer = await open("/barometre", "desktop");
    await barometer.page.getByRole("heading", { level: 1 }).waitFor();
    await barometer.page.locator("table").first().waitFor();
    await screenshot(barometer.page, "barometer-demo-desktop");
    expect(barometer.problems).toEqual([]);
  });
});
