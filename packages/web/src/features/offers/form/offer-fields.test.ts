import { describe, expect, test } from "vitest";
import { contactDetailWarning } from "./offer-fields.js";

describe("contactDetailWarning", () => {
  test("warns about emails, websites and phone numbers, as the API would refuse them", () => {
    expect(contactDetailWarning("Écrivez à recrutement@boulangerie.fr")).toMatch(/une adresse e-mail/);
    expect(contactDetailWarning("Voir www.boulangerie.fr")).toMatch(/site web/);
    expect(contactDetailWarning("Appelez le 06 12 34 56 78")).toMatch(/numéro de téléphone/);
  });

  test("is silent for an ordinary text, HTML included", () => {
    expect(contactDetailWarning("<p>Une équipe de 5 personnes, ouverte 7 jours sur 7.</p>")).toBeUndefined();
    expect(contactDetailWarning("")).toBeUndefined();
  });
});
