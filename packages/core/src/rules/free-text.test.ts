import { describe, expect, it } from "vitest";
import { findContactDetail, stripHtml } from "./free-text.js";

describe("free texts", () => {
  it("strips HTML but keeps paragraphs", () => {
    expect(stripHtml("<p>Bonjour&nbsp;<b>à tous</b></p><p>Deuxième<br>ligne</p><script>x</script>")).toBe(
      "Bonjour à tous\nDeuxième\nligne",
    );
  });

  it.each([
    ["Écrivez à jean.dupont@boulangerie.fr", "email"],
    ["contact [at] boulangerie.fr", "email"],
    ["Voir https://exemple.fr/offre", "url"],
    ["Voir www.exemple.com", "url"],
    ["postulez sur boulangerie-dupont.fr", "url"],
    ["Appelez le 06 12 34 56 78", "phone"],
    ["Appelez le 0612345678", "phone"],
    ["ou +33 6 12 34 56 78", "phone"],
  ])("finds contact details in %s", (text, kind) => {
    expect(findContactDetail(text)).toBe(kind);
  });

  it.each([
    "Contrat de 24 mois, 35 h par semaine, rythme 2 semaines / 2 semaines.",
    "Préparation du CAP en 2 ans, démarrage le 01/09/2026.",
    "Salaire selon la grille légale (de 27 % à 100 % du SMIC).",
    "Travail le samedi, 6 h - 13 h.",
  ])("does not flag ordinary job text: %s", (text) => {
    expect(findContactDetail(text)).toBeNull();
  });
});

describe("stripHtml never leaves markup behind", () => {
  it.each([
    ["&lt;script&gt;alert(1)&lt;/script&gt;ok", "ok"],
    ["&amp;lt;b&amp;gt;gras", "gras"],
    ["<b>ab</b>", "ab"],
    ["Vendeur ]]&gt;&lt; cassé", "Vendeur ]]>< cassé"],
    ["Pâtissier &amp; chocolatier", "Pâtissier & chocolatier"],
  ])("%s → %s", (input, expected) => {
    expect(stripHtml(input)).toBe(expected);
  });
});
