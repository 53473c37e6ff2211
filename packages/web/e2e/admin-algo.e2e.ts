import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_COMPANY_COUNT, demoShowcase, demoSiret } from "../../server/src/demo/companies-data.js";
import type { ViewportName } from "./support/browser.js";
import { screenshot, useJourneys } from "./support/journey.js";
import { linkTo, signInByEmail, startMailbox, waitForEmail } from "./support/mail.js";
import { type RunningServer, startServer } from "./support/server.js";

/**
 * The algorithm's companies from three seats, on the demo data of a server of its own (real email
 * for the sign-in links): the admin opens an exposed company by its SIRET, removes a job and finds
 * it saved; an OPCO adviser decides a listing request of one of their OPCO's companies; a verified
 * recruiter of a company of her own reads a spontaneous application it received and answers it.
 */
const adminEmail = "admin@demo.tremplin.localhost";
const opcoEmail = "conseil.opco-ep@demo.tremplin.localhost";
/**
 * The recruiter of the last test: a demo company without demo members (the sign-up page's « OPCO
 * connu »), whose OPCO listed her address (import:opco-contacts), so she is verified at once.
 */
const newcomer = {
  siret: demoShowcase().find((s) => s.kind === "withOpco")?.siret as string,
  person: { firstName: "Inès", lastName: "Moreau", email: "ines.moreau@boulangerie-lilas-demo.example" },
};

/**
 * A national extract's format (`SIRET;Date debut contrat;Type contrat;Code postal`) for the first
 * half of 2026, after the demo's data end on 1 January: one demo establishment in seven signs a
 * contract on a day spread over the six months, so the scoring run is measured on a whole window.
 * Chosen blindly to the scores, they make the realised capture about what chance gives (≈ 10 % in
 * the top 10 %): the page then shows a large negative gap, which is what it should say.
 */
function contractsAfterTheDemo(): string {
  const lines = ["SIRET;Date debut contrat;Type contrat;Code postal"];
  for (let i = 0; i < DEMO_COMPANY_COUNT; i += 7) {
    const day = new Date(Date.UTC(2026, 0, 5) + ((i * 37) % 175) * 86_400_000);
    const [y, m, d] = day.toISOString().slice(0, 10).split("-");
    lines.push(`${demoSiret(i)};${d}/${m}/${y};${i % 3 === 0 ? "PRO" : "APP"};`);
  }
  return `${lines.join("\n")}\n`;
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
interface SearchCompany {
  siret: string;
  name: string;
  jobs: { romeCode: string; romeLabel: string }[];
}

describe("Algorithm's companies: admin, OPCO adviser, recruiter", () => {
  const journeys = useJourneys();
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let server: RunningServer;

  beforeAll(async () => {
    mailbox = await startMailbox();
    const dir = await mkdtemp(join(tmpdir(), "tremplin-opco-contacts-"));
    const contacts = join(dir, "adherents.csv");
    await writeFile(contacts, `SIRET;email\n${newcomer.siret};${newcomer.person.email}\n`);
    const contracts = join(dir, "contrats-2026.csv");
    await writeFile(contracts, contractsAfterTheDemo());
    server = await startServer({
      label: "admin-algo",
      env: { SMTP_URL: mailbox.url },
      // Contracts signed after the demo's data date: importing them measures the published run.
      cli: [
        ["import:opco-contacts", contacts],
        ["algo:import-contracts", contracts],
      ],
    });
  }, 480_000);

  afterAll(async () => {
    await server?.stop();
    await mailbox?.stop();
  });

  const open = (path: string, viewport: ViewportName = "desktop", storageState?: StorageState) =>
    journeys.open(path, { baseUrl: server.url, viewport, storageState });

  /** Bakeries the demo's published run exposes around Lyon (the README's search), best first. */
  async function exposedBakeries(): Promise<SearchCompany[]> {
    const query = new URLSearchParams({ romes: "D1102", latitude: "45.764", longitude: "4.836", radius: "100" });
    const response = await fetch(`${server.url}/api/v1/jobs/search?${query}`);
    expect(response.status).toBe(200);
    const { companies } = (await response.json()) as { companies: SearchCompany[] };
    expect(companies.length).toBeGreaterThan(0);
    return companies;
  }

  test("the admin opens an exposed company by its SIRET, removes a job, and finds it saved", async () => {
    const companies = await exposedBakeries();
    // Two jobs at least, so that the company stays exposed once one is removed.
    const company = companies.find((c) => c.jobs.length >= 2) ?? (companies[0] as SearchCompany);
    const { page, context, problems } = await signInByEmail(() => open("/connexion"), mailbox, adminEmail);
    await page.waitForURL("**/admin");
    const adminSession = await context.storageState();

    await page.goto("/admin/algorithme");
    const siretField = page.getByLabel("Ouvrir une entreprise par son SIRET");
    // Core's SIRET rule answers before any request.
    await siretField.fill("123");
    await page.getByRole("button", { name: "Ouvrir", exact: true }).click();
    await page.getByText(/Saisissez 14 chiffres/).waitFor();
    await screenshot(page, "admin-algo-siret-search-desktop");
    // Written as INSEE prints it, with spaces.
    const spaced = `${company.siret.slice(0, 3)} ${company.siret.slice(3, 6)} ${company.siret.slice(6, 9)} ${company.siret.slice(9)}`;
    await siretField.fill(spaced);
    await page.getByRole("button", { name: "Ouvrir", exact: true }).click();
    await page.waitForURL(`**/admin/algorithme/entreprises/${company.siret}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByText("Exposée aux candidats").waitFor();
    const jobs = page.getByRole("group", { name: "Cochez les métiers à retirer" });
    const boxes = jobs.getByRole("checkbox");
    const before = await boxes.count();
    // The search showed the bakery jobs only; the admin sees all of them.
    expect(before).toBeGreaterThanOrEqual(company.jobs.length);
    const removed = (await boxes.first().getAttribute("value")) ?? "";
    expect(removed).toMatch(/^[A-N]\d{4}$/);
    await screenshot(page, "admin-algo-company-desktop");

    // Nothing ticked: nothing sent, and said so.
    await page.getByRole("button", { name: "Enregistrer les métiers" }).click();
    await page.getByText(/Rien à enregistrer/).waitFor();
    await boxes.first().check({ force: true });
    await page.getByRole("button", { name: "Enregistrer les métiers" }).click();
    await page.getByText("Enregistré : 1 métier retiré. Les candidats voient déjà ce changement.").waitFor();
    expect(await boxes.count()).toBe(before - 1);
    const givenBack = page.getByRole("group", { name: "Métiers retirés par l'administration" });
    await givenBack.locator(`input[value="${removed}"]`).waitFor({ state: "attached" });
    await screenshot(page, "admin-algo-company-saved-desktop");

    // Saved on the server: a fresh page load shows it, and candidates no longer see the job.
    const phone = await open(`/admin/algorithme/entreprises/${company.siret}`, "phone", adminSession);
    await phone.page.getByRole("heading", { level: 1 }).waitFor();
    await phone.page
      .getByRole("group", { name: "Métiers retirés par l'administration" })
      .locator(`input[value="${removed}"]`)
      .waitFor({ state: "attached" });
    await phone.page.getByText(new RegExp(`Métiers retirés : ${removed}`)).waitFor();
    await screenshot(phone.page, "admin-algo-company-phone");
    const recruiting = await fetch(`${server.url}/api/v1/companies/${company.siret}/recruiting`);
    expect(recruiting.status).toBe(200);
    const publicJobs = ((await recruiting.json()) as SearchCompany).jobs.map((j) => j.romeCode);
    expect(publicJobs).not.toContain(removed);

    // The requests' cards lead to the same page.
    await page.goto("/admin/algorithme/demandes");
    await page
      .getByRole("link", { name: /Voir l'exposition de l'entreprise/ })
      .first()
      .waitFor();
    expect(problems).toEqual([]);
    expect(phone.problems).toEqual([]);
  });

  test("an OPCO adviser finds a listing request of their OPCO's company and accepts it", async () => {
    // A bakery of OPCO EP (the demo adviser's) asks to be listed, through the public form's API.
    let siret = "";
    for (const company of (await exposedBakeries()).slice(0, 10)) {
      const response = await fetch(`${server.url}/api/v1/companies/${company.siret}`);
      if (response.ok && ((await response.json()) as { opco: string | null }).opco === "OPCO EP") {
        siret = company.siret;
        break;
      }
    }
    expect(siret).not.toBe("");
    const asked = await fetch(`${server.url}/api/v1/companies/${siret}/listing-requests`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        contact: { firstName: "Nora", lastName: "Petit", email: "nora.petit@exemple.fr", phone: "06 12 34 56 78" },
        romes: ["D1104"],
        message: "Nous formons aussi des pâtissiers.",
      }),
    });
    expect(asked.status).toBe(202);

    const { page, problems } = await signInByEmail(() => open("/connexion", "phone"), mailbox, opcoEmail);
    await page.waitForURL("**/opco");
    await page.getByText(/demandes? de référencement à examiner/).waitFor();
    await screenshot(page, "opco-space-listing-phone");
    await page.getByRole("link", { name: "Voir les demandes de référencement" }).click();
    await page.getByRole("heading", { name: "Demandes de référencement", level: 1 }).waitFor();
    // The card is the list item named by its title (its buttons are list items too).
    const card = page.getByRole("listitem", { name: new RegExp(`SIRET ${siret}`) });
    await card.getByText("Nora Petit").waitFor();
    await card.getByText("Nous formons aussi des pâtissiers.").waitFor();
    // OPCO advisers may not open the admin's company page: no link to it.
    expect(await card.getByRole("link", { name: /Voir l'exposition/ }).count()).toBe(0);
    await screenshot(page, "opco-listing-requests-phone");
    await card.getByRole("button", { name: /Accepter et exposer/ }).click();
    await card.waitFor({ state: "detached" });
    // Among decided requests, it is said accepted.
    await page.getByText("Afficher aussi les demandes déjà traitées").click();
    await page
      .getByRole("listitem", { name: new RegExp(`SIRET ${siret}`) })
      .getByText("Acceptée : entreprise exposée")
      .waitFor();
    await screenshot(page, "opco-listing-requests-decided-phone");
    expect(problems).toEqual([]);
  });

  test("a recruiter reads a spontaneous application from their space and answers it", async () => {
    // A company of its own, whose recruiter is a verified member (her OPCO listed her address):
    // spontaneous applications go to verified members only, and the demo recruiter has some already.
    const signedUp = await fetch(`${server.url}/api/v1/accounts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "company", siret: newcomer.siret, phone: "0612345678", ...newcomer.person }),
    });
    expect(signedUp.status).toBe(201);
    const confirmation = await waitForEmail(mailbox, newcomer.person.email, /^Confirmez votre adresse/);
    const { page, context, problems } = await open(linkTo(confirmation, "/connexion/lien"), "phone");
    await page.waitForURL("**/espace");
    await page.getByRole("cell", { name: "Administrateur" }).waitFor();
    // Nothing received yet: the space says nothing about spontaneous applications.
    await page.getByRole("heading", { name: "Mes offres" }).waitFor();
    expect(await page.getByRole("heading", { name: "Candidatures spontanées" }).count()).toBe(0);

    const form = new FormData();
    form.set("siret", newcomer.siret);
    form.set("firstName", "Yanis");
    form.set("lastName", "Lefèvre");
    form.set("email", "yanis.lefevre@example.org");
    form.set("phone", "06 22 33 44 55");
    form.set("message", "Je cherche un contrat d'apprentissage en boulangerie pour la rentrée.");
    form.set(
      "cv",
      new Blob(["%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"], { type: "application/pdf" }),
      "cv-yanis.pdf",
    );
    const applied = await fetch(`${server.url}/api/v1/applications`, { method: "POST", body: form });
    expect(applied.status).toBe(201);

    await page.reload();
    await page.getByText("Vous avez reçu 1 candidature spontanée, dont 1 nouvelle à lire.").waitFor();
    await screenshot(page, "space-spontaneous-summary-phone");
    await page.getByRole("link", { name: "Voir les candidatures spontanées" }).click();
    await page.getByRole("heading", { name: "Candidatures spontanées", level: 1 }).waitFor();
    await page.getByText("1 candidature dont 1 nouvelle").waitFor();
    const card = page.getByRole("listitem", { name: "Yanis Lefèvre" });
    await card.getByText("Nouvelle", { exact: true }).waitFor();
    await card.getByText(/cv-yanis\.pdf/).waitFor();
    await card.getByText(/contrat d'apprentissage en boulangerie/).waitFor();
    await screenshot(page, "spontaneous-applications-phone");
    await card.getByRole("button", { name: /Répondre/ }).click();
    await card.getByText("Proposer un entretien").click();
    await card.getByLabel("Message au candidat (facultatif)").fill("Passez jeudi à 9 h.");
    await card.getByRole("button", { name: /Envoyer la réponse/ }).click();
    // The card now reads the status the candidate sees.
    await card.getByText("Entretien", { exact: true }).waitFor();
    await card.getByText(/Votre réponse du .* : entretien — « Passez jeudi à 9 h\. »/).waitFor();
    await screenshot(page, "spontaneous-applications-answered-phone");

    const desktop = await open("/espace/candidatures-spontanees", "desktop", await context.storageState());
    await desktop.page.getByText(/Votre réponse du .* : entretien — « Passez jeudi à 9 h\. »/).waitFor();
    await screenshot(desktop.page, "spontaneous-applications-desktop");
    expect(problems).toEqual([]);
    expect(desktop.problems).toEqual([]);
  });

  test("the admin reads predicted against realised on the published run, once later contracts are imported", async () => {
    const { page, problems } = await signInByEmail(() => open("/connexion"), mailbox, adminEmail);
    await page.waitForURL("**/admin");
    await page.goto("/admin/algorithme");
    await page
      .getByRole("link", { name: /· Scores/ })
      .first()
      .click();
    await page.getByRole("heading", { name: /Calcul n° \d+/, level: 1 }).waitFor();
    // The window the import measured: January to June 2026, six whole months.
    await page.getByText("Contrats du 1er janvier 2026 au 30 juin 2026 (6 mois)", { exact: false }).waitFor();
    const comparison = page.getByRole("table", { name: "Part des contrats captée, prévue et réalisée" });
    const top10 = comparison.getByRole("row", { name: /Top 10 %/ });
    await top10.waitFor();
    // Prévu (the evaluation's backtest), réalisé (these contracts), and the signed gap in points.
    expect(await top10.textContent()).toMatch(/\d+,\d %.*\d+,\d %.*[+−]?\d+,\d points?/);
    await page.getByRole("link", { name: /évaluation n° \d+/ }).waitFor();
    await page.getByRole("table", { name: "Ensemble (réalisé)" }).waitFor();
    await screenshot(page, "admin-algo-run-outcome-desktop");
    expect(problems).toEqual([]);
  });
});
