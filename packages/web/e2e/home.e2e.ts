import { describe, expect, test } from "vitest";
import { screenshot, useJourneys } from "./support/journey.js";

describe("Home page", () => {
  const journeys = useJourneys();

  test.each(["phone", "desktop"] as const)(
    "a candidate finds a job title with the keyboard and reads its fiche (%s)",
    async (viewport) => {
      const { page, problems } = await journeys.open("/", { viewport });
      await expect.poll(() => page.title()).toBe("Accueil - Tremplin");

      const jobField = page.getByRole("combobox", { name: /Métier/ });
      await jobField.click();
      await jobField.pressSequentially("boulang", { delay: 40 });

      const listbox = page.getByRole("listbox");
      const option = listbox.getByRole("option", { name: "Boulanger / Boulangère", exact: true });
      await option.waitFor();
      expect(await jobField.getAttribute("aria-expanded")).toBe("true");
      await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/\d+ métiers? proposés?\./);

      // Down to the option, checking the field points at it, then Enter.
      const optionId = await option.getAttribute("id");
      for (let presses = 0; presses < 10; presses++) {
        await jobField.press("ArrowDown");
        if ((await jobField.getAttribute("aria-activedescendant")) === optionId) break;
      }
      expect(await jobField.getAttribute("aria-activedescendant")).toBe(optionId);
      expect(await option.getAttribute("aria-selected")).toBe("true");
      await jobField.press("Enter");

      expect(await jobField.inputValue()).toBe("Boulanger / Boulangère");
      expect(await jobField.getAttribute("aria-expanded")).toBe("false");
      const ficheTitle = page.getByRole("heading", { name: "Boulanger / Boulangère", level: 3 });
      await ficheTitle.waitFor();
      await page.getByText("Comment y accéder ?").waitFor();
      // No ROME jargon for candidates.
      expect(await page.getByText(/Fiche ROME/).count()).toBe(0);
      await screenshot(page, `home-job-fiche-${viewport}`);

      expect(problems).toEqual([]);
    },
  );

  test("a job and a place chosen on the home page lead straight to the results", async () => {
    const { page, problems } = await journeys.open("/");
    const jobField = page.getByRole("combobox", { name: /Métier/ });
    await jobField.pressSequentially("boulang", { delay: 40 });
    await page.getByRole("option", { name: "Boulanger / Boulangère", exact: true }).click();
    const placeField = page.getByRole("combobox", { name: /Ville ou code postal/ });
    await placeField.pressSequentially("la rochelle", { delay: 40 });
    // The option reads the town, then its département and postal codes (« Charente-Maritime (17) · 17000 »).
    await page.getByRole("option", { name: /^La Rochelle.*\(17\)/ }).click();
    await page.getByRole("link", { name: "Voir les offres" }).click();
    await page.waitForURL(/\/recherche\?.*lieu=La\+Rochelle/);
    await page.getByRole("heading", { name: /autour de La Rochelle \(17\)/ }).waitFor();
    expect(problems).toEqual([]);
  });

  test("recruiters find a button to post an offer", async () => {
    const { page, problems } = await journeys.open("/");
    const post = page
      .getByRole("region", { name: "Vous recrutez en alternance" })
      .getByRole("link", { name: "Déposer une offre" });
    expect(await post.getAttribute("href")).toBe("/espace/offres/nouvelle");
    expect(problems).toEqual([]);
  });

  test("too short, unknown and cleared searches say so in French", async () => {
    const { page, problems } = await journeys.open("/");
    const jobField = page.getByRole("combobox", { name: /Métier/ });

    await jobField.fill("b");
    await page.getByText("Saisissez au moins 2 caractères.").first().waitFor();

    await jobField.fill("zzqxw");
    await page
      .getByText(/Aucun métier ne correspond à « zzqxw »/)
      .first()
      .waitFor();
    expect(await jobField.getAttribute("aria-expanded")).toBe("false");

    await jobField.press("Escape");
    expect(await jobField.inputValue()).toBe("");
    expect(problems).toEqual([]);
  });

  test.each(["phone", "desktop"] as const)("the home page renders on a %s (screenshot)", async (viewport) => {
    const { page, problems } = await journeys.open("/", { viewport });
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, `home-${viewport}`);
    expect(problems).toEqual([]);
  });
});
