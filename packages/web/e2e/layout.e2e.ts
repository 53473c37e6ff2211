import { describe, expect, test } from "vitest";
import { complianceState, rgaaThemes, summarise } from "../src/routes/legal/rgaa-assessment.js";
import { useJourneys } from "./support/journey.js";

describe("Page frame", () => {
  const journeys = useJourneys();

  test("the first Tab reaches the skip links, which lead to the content", async () => {
    const { page, problems } = await journeys.open("/");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Contenu");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("contenu");
    expect(problems).toEqual([]);
  });

  test("an unknown address shows the French 404 page, and its link leads home with focus on the title", async () => {
    const { page, problems } = await journeys.open("/cette-page-n-existe-pas");
    await page.getByRole("heading", { name: "Page non trouvée", level: 1 }).waitFor();
    await expect.poll(() => page.title()).toBe("Page non trouvée - Tremplin");

    await page.getByRole("link", { name: "Page d'accueil" }).click();
    await expect.poll(() => page.title()).toBe("Accueil - Tremplin");
    expect(new URL(page.url()).pathname).toBe("/");
    // After a client-side navigation, focus moves to the new page's title, as a page load would.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    expect(problems).toEqual([]);
  });

  test("the footer links to the legal pages and to the API documentation served by the server", async () => {
    const { page, problems } = await journeys.open("/");
    const footer = page.getByRole("contentinfo");
    // The footer says the declaration's state, computed from the self-assessment (« non conforme »
    // while criteria remain untested).
    const state = complianceState(summarise(rgaaThemes));
    await footer.getByRole("link", { name: new RegExp(`^Accessibilité : ${state}`) }).click();
    await page.getByRole("heading", { name: "Déclaration d'accessibilité", level: 1 }).waitFor();
    await footer.getByRole("link", { name: "Mentions légales" }).click();
    await page.getByRole("heading", { name: "Mentions légales", level: 1 }).waitFor();
    await footer.getByRole("link", { name: "Données personnelles" }).click();
    await page.getByRole("heading", { name: "Données personnelles", level: 1 }).waitFor();
    expect(problems).toEqual([]);

    await footer.getByRole("link", { name: "Référence de l'API" }).click();
    await page.getByRole("heading", { name: "Référence de l'API", level: 1 }).waitFor();
    expect(await page.getByRole("heading", { name: "Page non trouvée" }).count()).toBe(0);
  });
});
