import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { screenshot, useJourneys } from "./support/journey.js";

/**
 * Every public page, on a phone and a laptop, checked with axe-core (the engine of the browsers'
 * accessibility tools): no serious or critical violation, and no horizontal scrolling. The source
 * of the accessibility declaration's automatic part (routes/legal/rgaa-assessment.ts).
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe;
    const result = (await axe.run(document, { resultTypes: ["violations"] })) as { violations: AxeViolation[] };
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
}

const bakerNearLyon =
  "/recherche?metier=11573&rome=D1102&intitule=Boulanger+%2F+Boulang%C3%A8re&lieu=Lyon+%2869%29&lat=45.75418&lon=4.84289";

/** The demo data's first baker offer and likely recruiter near Lyon (the demo seeder guarantees them). */
async function demoTargets(): Promise<{ offer: string; company: string }> {
  const response = await fetch(
    `${inject("baseUrl")}/api/v1/jobs/search?romes=D1102&latitude=45.75418&longitude=4.84289&radius=30&limit=1`,
  );
  const body = (await response.json()) as { offers: { id: string }[]; companies: { siret: string }[] };
  const offer = body.offers[0];
  const company = body.companies[0];
  if (!offer || !company) throw new Error("The demo data has no baker offer or company near Lyon");
  return { offer: `/offres/${offer.id}`, company: `/entreprises/${company.siret}` };
}

const fixedPages: [string, string][] = [
  ["/", "Trouvez votre alternance"],
  [bakerNearLyon, "Trouver une alternance"],
  ["/mentions-legales", "Mentions légales"],
  ["/donnees-personnelles", "Données personnelles"],
  ["/accessibilite", "Déclaration d'accessibilité"],
  ["/plan-du-site", "Plan du site"],
  ["/contact", ""],
  ["/api-partenaires", "Intégrer l'API"],
  ["/api-partenaires/reference", "Référence de l'API"],
  ["/connexion", ""],
  ["/inscription", ""],
];

describe("Public pages and accessibility", () => {
  const journeys = useJourneys();

  let targets: { offer: string; company: string } | undefined;
  beforeAll(async () => {
    targets = await demoTargets();
  });
  const pages: [string, string][] = [...fixedPages, ["offre", ""], ["entreprise", ""]];

  for (const viewport of ["phone", "desktop"] as const) {
    test.each(pages)(
      `%s has no serious or critical axe violation (${viewport})`,
      { timeout: 120_000 },
      async (name, heading) => {
        const path = name === "offre" ? targets?.offer : name === "entreprise" ? targets?.company : name;
        if (!path) throw new Error("no demo target");
        const { page, problems } = await journeys.open(path, { viewport });
        const title = page.locator("main h1").first();
        await title.waitFor();
        if (heading) expect(await title.textContent()).toContain(heading);
        await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
        // The picture as people first see it (the API reference with its sections closed: open, the
        // page is tens of thousands of pixels long and a full-page capture alone took over 30 s).
        if (path === "/" || path === "/accessibilite" || path.startsWith("/api-partenaires"))
          await screenshot(page, `public${path.replace(/\W+/g, "-")}-${viewport}`);
        // Hidden parts (the API reference's parameters and bodies) are checked open too.
        await page.evaluate(() => {
          for (const details of document.querySelectorAll("details")) details.open = true;
        });
        const violations = await seriousViolations(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) violations.push(`the page scrolls sideways by ${overflow} px`);
        expect(violations).toEqual([]);
        expect(problems).toEqual([]);
      },
    );
  }

  test("the legal pages say who runs the service, or what is still to be filled", async () => {
    const { page, problems } = await journeys.open("/mentions-legales");
    await page.getByRole("heading", { name: "Éditeur", level: 2 }).waitFor();
    await page.getByRole("heading", { name: "Hébergement", level: 2 }).waitFor();
    await page.goto("/donnees-personnelles");
    for (const item of ["CV joint à une candidature", "Session de connexion", "Journaux techniques"]) {
      await page.getByRole("rowheader", { name: new RegExp(item) }).waitFor();
    }
    await page.getByRole("heading", { name: "Vos droits", level: 2 }).waitFor();
    await page.goto("/accessibilite");
    const rate = await page.getByText(/\d+ % des critères vérifiés sont respectés/).textContent();
    expect(rate).toMatch(/\d+ %/);
    expect(problems).toEqual([]);
  });

  test("/api/docs brings people to the French reference, and the reference lists the search route", async () => {
    const { page, problems } = await journeys.open("/api/docs", { viewport: "phone" });
    await page.waitForURL("**/api-partenaires/reference");
    await page.getByRole("heading", { name: /Rechercher des offres/, level: 3 }).waitFor();
    await page.getByText("GET", { exact: true }).first().waitFor();
    expect(await page.getByRole("link", { name: "/api/docs/openapi.json" }).getAttribute("href")).toBe(
      "/api/docs/openapi.json",
    );
    expect(problems).toEqual([]);
  });
});
