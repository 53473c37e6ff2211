import { describe, expect, it } from "vitest";
import { emailDomain, isPublicMailboxDomain } from "./email-domains.js";

describe("public mailbox domains", () => {
  it("recognises French and international providers and their subdomains", () => {
    expect(isPublicMailboxDomain("gmail.com")).toBe(true);
    expect(isPublicMailboxDomain("Orange.FR")).toBe(true);
    expect(isPublicMailboxDomain("mail.free.fr")).toBe(true);
    expect(isPublicMailboxDomain("boulangerie-martin.fr")).toBe(false);
    // A company whose name ends like a provider is not one.
    expect(isPublicMailboxDomain("notgmail.com")).toBe(false);
  });

  it("takes the domain after the last @", () => {
    expect(emailDomain("lea.martin@Boulangerie.fr")).toBe("boulangerie.fr");
    expect(emailDomain("pas-une-adresse")).toBe("");
  });
});
