import { describe, expect, it } from "vitest";
import { isPlaceholder } from "./operator.js";
import { identityFromSiteInfo } from "./use-operator.js";

const serverDefaults = {
  operatorName: "[Nom de l'opérateur du service]",
  operatorAddress: "[Adresse postale de l'opérateur]",
  publicationDirector: "[Nom du directeur ou de la directrice de la publication]",
  dpoEmail: "contact@tremplin.localhost",
  hostingProvider: "[Nom, adresse et téléphone de l'hébergeur]",
  contactEmail: "contact@tremplin.localhost",
  publicUrl: "http://localhost:3000",
};

describe("identityFromSiteInfo", () => {
  it("shows the page's placeholders for the server's bracketed defaults", () => {
    const identity = identityFromSiteInfo(serverDefaults);
    expect(isPlaceholder(identity.name)).toBe(true);
    expect(isPlaceholder(identity.publicationDirector)).toBe(true);
    expect(isPlaceholder(identity.hostName)).toBe(true);
    expect(isPlaceholder(identity.hostAddress)).toBe(true);
    expect(identity.contactEmail).toBe("contact@tremplin.localhost");
  });

  it("uses the configured values, the hosting provider on one line", () => {
    const identity = identityFromSiteInfo({
      ...serverDefaults,
      operatorName: "GIP Alternance",
      operatorAddress: "1 rue de la Paix, 75002 Paris",
      dpoEmail: "dpo@example.org",
      hostingProvider: "Hébergeur SAS, 2 rue du Port, 59100 Roubaix",
    });
    expect(identity.name).toBe("GIP Alternance");
    expect(identity.address).toBe("1 rue de la Paix, 75002 Paris");
    expect(identity.dataProtectionContact).toBe("dpo@example.org");
    expect(identity.hostName).toBe("Hébergeur SAS, 2 rue du Port, 59100 Roubaix");
    expect(identity.hostAddress).toBe("");
    expect(isPlaceholder(identity.registration)).toBe(true);
  });
});
