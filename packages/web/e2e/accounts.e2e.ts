import { describe, expect, test } from "vitest";
import { screenshot, useJourneys } from "./support/journey.js";

/** What visitors meet around accounts, on the shared server: refusals said in French, guarded spaces. */
describe("Sign-up and sign-in, the unhappy paths", () => {
  const journeys = useJourneys();

  test("a closed establishment is refused on the SIRET step, with the API's message on the field", async () => {
    const { page, problems } = await journeys.open("/inscription");
    await page.getByRole("button", { name: /Établissement fermé/ }).click();
    const field = page.getByLabel("Numéro SIRET de votre établissement");
    await page.getByText(/est fermé selon le répertoire Sirene/).waitFor();
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("inscription-siret");
    expect(problems).toEqual([]);
  });

  test("a SIRET that is not one is caught before any request, with core's message", async () => {
    const { page, problems } = await journeys.open("/inscription");
    await page.getByLabel("Numéro SIRET de votre établissement").fill("123 456 789 00012");
    await page.getByRole("button", { name: "Rechercher mon établissement" }).click();
    await page.getByText("Ce numéro SIRET comporte une erreur de saisie : vérifiez chaque chiffre.").waitFor();
    expect(problems).toEqual([]);
  });

  test("a training organisation is sent to the CFA sign-up, SIRET kept", async () => {
    const { page, problems } = await journeys.open("/inscription", { viewport: "phone" });
    await page.getByRole("button", { name: /Organisme de formation \(CFA\)/ }).click();
    await page.getByText(/créez plutôt un compte CFA/).waitFor();
    await page.getByRole("link", { name: "Créer un compte CFA avec ce SIRET" }).click();
    await page.getByRole("heading", { name: "Créer un compte centre de formation (CFA)", level: 1 }).waitFor();
    expect(await page.getByLabel(/Numéro SIRET de votre organisme/).inputValue()).toMatch(/^\d{14}$/);
    await page.getByRole("button", { name: "Rechercher mon établissement" }).click();
    await page.getByRole("heading", { name: "Votre établissement", level: 2 }).waitFor();
    expect(problems).toEqual([]);
  });

  test("a non-diffusible establishment asks for the company's name and its OPCO", async () => {
    const { page, problems } = await journeys.open("/inscription");
    await page.getByRole("button", { name: /Établissement non diffusible/ }).click();
    await page.getByText(/informations non publiques/).waitFor();
    await page.getByRole("button", { name: "Continuer" }).click();
    await page.getByRole("heading", { name: "Le formulaire contient 2 erreurs" }).waitFor();
    await page.getByRole("link", { name: /Nom de l'entreprise : Indiquez le nom de l'entreprise/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("inscription-nom-entreprise");
    await page.getByLabel("Nom de l'entreprise").fill("Aide à domicile des Lilas");
    await page.getByRole("radio", { name: /Je ne sais pas/ }).check({ force: true });
    await page.getByRole("button", { name: "Continuer" }).click();
    await page.getByRole("heading", { name: "Vos coordonnées", level: 2 }).waitFor();
    // Back and forth keeps what was typed.
    await page.getByRole("button", { name: "Étape précédente" }).click();
    expect(await page.getByLabel("Nom de l'entreprise").inputValue()).toBe("Aide à domicile des Lilas");
    expect(problems).toEqual([]);
  });

  test("the sign-in page says the same thing whatever the address", async () => {
    const { page, problems } = await journeys.open("/connexion", { viewport: "phone" });
    await page.getByLabel("Adresse e-mail").fill("personne@inconnu.example");
    await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await page.getByText("Un lien vous a été envoyé").waitFor();
    await page.getByText(/Si un compte Tremplin existe pour/).waitFor();
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, "sign-in-sent-phone");
    expect(problems).toEqual([]);
  });

  test("a used or forged sign-in link explains and offers a new one", async () => {
    const { page, problems } = await journeys.open(`/connexion/lien?jeton=${"x".repeat(43)}`);
    await page.getByRole("heading", { name: "Ce lien ne fonctionne plus", level: 1 }).waitFor();
    await page.getByText(/n'est plus valable/).waitFor();
    await page.getByRole("button", { name: "Recevoir un nouveau lien" }).waitFor();
    expect(problems).toEqual([]);
  });

  test("spaces send visitors to sign in, and bring them back afterwards", async () => {
    for (const path of ["/espace", "/opco", "/admin", "/espace/offres/nouvelle"]) {
      const { page, problems } = await journeys.open(path);
      await page.waitForURL(`**/connexion?retour=${encodeURIComponent(path)}`);
      await page.getByText("Connectez-vous pour accéder à cette page").waitFor();
      expect(problems).toEqual([]);
    }
  });

  test("an unknown offer and a broken action link say so in French", async () => {
    const unknown = await journeys.open("/offres/00000000-0000-4000-8000-000000000000");
    await unknown.page.getByRole("heading", { name: "Offre introuvable", level: 1 }).waitFor();
    await expect.poll(() => unknown.page.title()).toBe("Offre introuvable - Tremplin");
    expect(unknown.problems).toEqual([]);

    const action = await journeys.open(`/offres/action?jeton=${"y".repeat(40)}`);
    await action.page.getByRole("heading", { name: "Ce lien ne fonctionne plus", level: 1 }).waitFor();
    await action.page.getByRole("link", { name: "Me connecter pour gérer mes offres" }).waitFor();
    expect(action.problems).toEqual([]);
  });
});
