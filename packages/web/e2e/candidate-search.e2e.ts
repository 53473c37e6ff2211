import type { Page } from "playwright-core";
import { describe, expect, inject, test } from "vitest";
import { screenshot, useJourneys } from "./support/journey.js";

/** Types into a combobox and picks the option, as a person does on a phone. */
async function choose(page: Page, field: RegExp, text: string, option: string | RegExp) {
  const input = page.getByRole("combobox", { name: field });
  await input.fill("");
  await input.pressSequentially(text, { delay: 30 });
  await page.getByRole("option", { name: option }).first().click();
}

/**
 * A candidate searches on the demo data, which has bakers' offers around Lyon, a bakery likely to
 * hire (spontaneous application), and kitchen offers in Villeurbanne: « boulanger » first, then
 * « commis de cuisine », back to the first search, and an offer opened.
 */
describe("Candidate search", () => {
  const journeys = useJourneys();

  test("on a phone: job and place, companies likely to hire, trainings, back button, then an offer", async () => {
    const { page, problems } = await journeys.open("/", { viewport: "phone" });
    await choose(page, /Métier/, "boulang", /^Boulanger \/ Boulangère$/);
    await page.getByRole("link", { name: "Voir les offres pour ce métier" }).click();

    await page.getByRole("heading", { name: "Trouver une alternance", level: 1 }).waitFor();
    expect(await page.getByRole("combobox", { name: /Métier/ }).inputValue()).toBe("Boulanger / Boulangère");
    // Without a place the form says what is missing, in the summary and on the field.
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.getByRole("heading", { name: "Le formulaire contient une erreur" }).waitFor();
    await page.getByText("Choisissez une commune dans la liste proposée.").first().waitFor();
    await screenshot(page, "candidate-search-error-phone");

    await choose(page, /Ville ou code postal/, "Lyon", /^Lyon\b.*Rhône/);
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.getByRole("heading", { name: /Résultats pour « Boulanger \/ Boulangère » autour de Lyon/ }).waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get("rome")).toBe("D1102");
    expect(url.searchParams.get("lieu")).toBe("Lyon (69)");

    await page.getByRole("heading", { name: "Entreprises susceptibles de recruter", level: 3 }).waitFor();
    const bakery = page
      .getByRole("article")
      .filter({ hasText: "Entreprise susceptible de recruter" })
      .filter({ hasText: "Boulangerie Démo de la Place" });
    await bakery.getByText(/km$/).first().waitFor();
    await bakery.getByRole("link", { name: /Candidature spontanée/ }).waitFor();
    await screenshot(page, "candidate-search-results-phone");

    // Trainings: another view of the same search, with an address of its own.
    await page.getByRole("link", { name: "Formations" }).click();
    await page.getByRole("heading", { name: "Formations en apprentissage", level: 3 }).waitFor();
    expect(new URL(page.url()).searchParams.get("vue")).toBe("formations");
    // None within 30 km in the demo: one tap widens the search (and the form follows).
    await page.getByRole("button", { name: "Chercher des formations à 60 km" }).click();
    await page.getByRole("article").filter({ hasText: "BOULANGER (CAP)" }).first().waitFor();
    expect(await page.getByLabel("Distance").inputValue()).toBe("60");
    await screenshot(page, "candidate-search-trainings-phone");
    await page.getByRole("link", { name: "Offres et entreprises" }).click();
    await page.getByRole("heading", { name: "Entreprises susceptibles de recruter", level: 3 }).waitFor();
    await page.getByLabel("Distance").selectOption("30");

    // A second search, then the back button returns to the first, fields included.
    await choose(page, /Métier/, "commis de cuis", /^Commis \/ Commise de cuisine$/);
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.getByRole("heading", { name: /Résultats pour « Commis \/ Commise de cuisine »/ }).waitFor();
    await page.getByRole("article").filter({ hasText: "Villeurbanne" }).first().waitFor();
    await page.goBack();
    await page.getByRole("heading", { name: /Résultats pour « Boulanger \/ Boulangère »/ }).waitFor();
    expect(await page.getByRole("combobox", { name: /Métier/ }).inputValue()).toBe("Boulanger / Boulangère");
    const offer = page
      .getByRole("article")
      .filter({ hasText: "Offre d'emploi" })
      .filter({ hasText: "Boulanger" })
      .first();
    await offer.getByText(/, à \d+(,\d)? km$/).waitFor();
    await offer.getByText(/Dès que possible|À partir du/).waitFor();
    await screenshot(page, "candidate-search-offers-phone");
    const title = (await offer.getByRole("heading").textContent())?.trim() ?? "";
    await offer.getByRole("link").first().click();
    await page.getByRole("heading", { name: title, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/offres\/[0-9a-f-]{36}$/);
    await screenshot(page, "candidate-offer-phone");

    // Something looks wrong with the offer: the candidate reports it, a reason is required.
    await page.getByRole("button", { name: "Signaler cette offre" }).click();
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await page.getByText("Choisissez la raison du signalement.").waitFor();
    await page.locator("label", { hasText: "Ce n'est pas un poste en alternance" }).click();
    await page.getByLabel("Précisions (facultatif)").fill("Le poste décrit est un CDI classique.");
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await page.getByText(/votre signalement a été transmis/).waitFor();
    expect(await page.getByRole("button", { name: "Envoyer le signalement" }).count()).toBe(0);
    await screenshot(page, "candidate-offer-reported-phone");
    expect(problems).toEqual([]);
  });

  test("on a desktop: a shared search address shows its results at once", async () => {
    const shared =
      "/recherche?metier=11573&rome=D1102&intitule=Boulanger+%2F+Boulang%C3%A8re&lieu=Lyon+%2869%29&lat=45.75418&lon=4.84289";
    const { page, problems } = await journeys.open(shared, { viewport: "desktop" });
    await page
      .getByRole("heading", { name: /Résultats pour « Boulanger \/ Boulangère » autour de Lyon \(69\)/ })
      .waitFor();
    expect(await page.getByRole("combobox", { name: /Ville ou code postal/ }).inputValue()).toBe("Lyon (69)");
    await page
      .getByRole("article")
      .filter({ hasText: "Entreprise susceptible de recruter" })
      .filter({ hasText: "Boulangerie Démo de la Place" })
      .waitFor();
    await expect.poll(() => page.title()).toBe("Boulanger / Boulangère autour de Lyon (69) - Tremplin");
    await screenshot(page, "candidate-search-results-desktop");
    expect(problems).toEqual([]);
  });

  test("« Voir plus » adds the next page of companies under the first one", async () => {
    // A search around Paris whose companies likely to hire fill more than one page of ten, picked
    // through the API (the demo's counts per job change as the demo grows; at the last look, bakers
    // had 9 within 200 km and plumbers 20).
    const paris = { latitude: 48.85982, longitude: 2.34561 };
    const jobs = [
      { code: "11573", rome: "D1102", label: "Boulanger / Boulangère" },
      { code: "17837", rome: "F1603", label: "Plombier / Plombière" },
    ];
    let chosen: (typeof jobs)[number] | undefined;
    for (const job of jobs) {
      const response = await fetch(
        `${inject("baseUrl")}/api/v1/jobs/search?appellationCode=${job.code}&latitude=${paris.latitude}&longitude=${paris.longitude}&radius=200&limit=10`,
      );
      const body = (await response.json()) as { companies: unknown[]; nextCursor: string | null };
      if (body.companies.length === 10 && body.nextCursor) {
        chosen = job;
        break;
      }
    }
    if (!chosen) throw new Error("The demo data has no job with more than ten companies likely to hire around Paris");
    const wide = `/recherche?${new URLSearchParams({
      metier: chosen.code,
      rome: chosen.rome,
      intitule: chosen.label,
      lieu: "Paris (75)",
      lat: String(paris.latitude),
      lon: String(paris.longitude),
      rayon: "200",
    })}`;
    const { page, problems } = await journeys.open(wide, { viewport: "phone" });
    const companies = page.getByRole("article").filter({ hasText: "Entreprise susceptible de recruter" });
    await companies.nth(9).waitFor();
    expect(await companies.count()).toBe(10);
    // Demo companies share names across towns: their SIRET (in the link) tells them apart.
    const sirets = () =>
      companies
        .getByRole("link", { name: /Candidature spontanée/ })
        .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    const firstPage = await sirets();
    await page.getByRole("button", { name: "Voir plus de résultats" }).click();
    await companies.nth(10).waitFor();
    const bothPages = await sirets();
    expect(bothPages.slice(0, 10)).toEqual(firstPage);
    expect(new Set(bothPages).size).toBe(bothPages.length);
    expect(problems).toEqual([]);
  });

  test("on a phone: « Utiliser ma position » searches around the candidate", async () => {
    const { page, context, problems } = await journeys.open("/recherche", { viewport: "phone" });
    await context.grantPermissions(["geolocation"]);
    await context.setGeolocation({ latitude: 45.764, longitude: 4.8357 });
    await choose(page, /Métier/, "boulang", /^Boulanger \/ Boulangère$/);
    await page.getByRole("button", { name: "Utiliser ma position" }).click();
    await expect
      .poll(() => page.getByRole("combobox", { name: /Ville ou code postal/ }).inputValue())
      .toMatch(/^Lyon .*\(69\)$/); // the nearest commune names the position
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.getByRole("heading", { name: /^Résultats pour « Boulanger \/ Boulangère » autour de Lyon/ }).waitFor();
    await page.getByRole("article").filter({ hasText: "Offre d'emploi" }).first().waitFor();
    await screenshot(page, "candidate-search-my-position-phone");
    expect(problems).toEqual([]);
  });
});
