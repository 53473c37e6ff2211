import { describe, expect, test } from "vitest";
import { descriptionBlocks } from "./description-blocks.js";

describe("descriptionBlocks", () => {
  test("reads the generated text: a definition, then titled lists", () => {
    const text = [
      "Prépare des pains.",
      "",
      "Vos missions, en alternance :",
      "- Pétrir la pâte",
      "- Défourner",
      "",
      "Les qualités attendues :",
      "- Rigueur",
    ].join("\n");
    expect(descriptionBlocks(text)).toEqual([
      { kind: "paragraph", text: "Prépare des pains." },
      { kind: "paragraph", text: "Vos missions, en alternance :" },
      { kind: "list", items: ["Pétrir la pâte", "Défourner"] },
      { kind: "paragraph", text: "Les qualités attendues :" },
      { kind: "list", items: ["Rigueur"] },
    ]);
  });

  test("copes with what people type: CRLF, bullets, a list right after a line, no blank lines", () => {
    expect(descriptionBlocks("Nous cherchons :\r\n• Motivation\r\n-  Ponctualité\r\nÀ bientôt")).toEqual([
      { kind: "paragraph", text: "Nous cherchons :" },
      { kind: "list", items: ["Motivation", "Ponctualité"] },
      { kind: "paragraph", text: "À bientôt" },
    ]);
  });

  test("keeps a dash inside a sentence, and HTML as plain text", () => {
    expect(descriptionBlocks("Horaires 8h - 16h\n<b>gras</b>")).toEqual([
      { kind: "paragraph", text: "Horaires 8h - 16h\n<b>gras</b>" },
    ]);
    expect(descriptionBlocks("")).toEqual([]);
  });
});
