import { describe, expect, it } from "vitest";
import { signUpSchema } from "../schemas/account.js";
import { algoContactSchema } from "../schemas/algo-companies.js";
import { applicationFieldsSchema } from "../schemas/application.js";
import { createContactMessageSchema } from "../schemas/contact.js";
import { companyContactSchema } from "../schemas/offer.js";
import { hasControlCharacters, oneLineMessage } from "./one-line.js";

describe("names are one line", () => {
  it("finds line breaks, tabs, NUL, DEL, C1 controls and the Unicode line separators", () => {
    for (const bad of ["a\nb", "a\r\nb", "a\tb", "a\u0000b", "a\u007fb", "a\u0085b", "a\u2028b", "a\u2029b"]) {
      expect(hasControlCharacters(bad), JSON.stringify(bad)).toBe(true);
    }
    expect(hasControlCharacters("Jean-Éric O'Neil « Le Fournil » & Fils")).toBe(false);
  });

  // Every form that takes a person's name: sign-up, applying, a company contact (offers posted for a
  // company, the algorithm's listing requests) and the contact form.
  const forms = [
    ["sign-up", signUpSchema, "firstName"],
    ["application", applicationFieldsSchema, "lastName"],
    ["offer's company contact", companyContactSchema, "firstName"],
    ["listing contact", algoContactSchema, "lastName"],
    ["« Nous contacter »", createContactMessageSchema, "name"],
  ] as const;
  it.each(forms)("the %s form refuses a name with a line break, in French, on its field", (_form, schema, field) => {
    const result = schema.safeParse({ [field]: "Léa\r\nBcc: pirate@evil.example" });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.filter((i) => i.path[0] === field).map((i) => i.message);
    expect(messages).toContain(oneLineMessage);
  });

  it.each(forms)("the %s form keeps a name that only ends with a line break (trimmed)", (_form, schema, field) => {
    const result = schema.safeParse({ [field]: "Léa Roux\n" });
    expect(result.error?.issues.find((i) => i.path[0] === field)).toBeUndefined();
  });
});
