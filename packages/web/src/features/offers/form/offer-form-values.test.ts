import {
  defaultSkills,
  generateOfferDescription,
  OFFER_DEFAULTS,
  type OwnerOffer,
  type RomeFiche,
} from "@tremplin/core";
import { describe, expect, test } from "vitest";
import { formFieldOf, validateNewOffer } from "./offer-form-validation.js";
import {
  effectiveDescription,
  initialOfferValues,
  toCreateOfferInput,
  toUpdateOfferInput,
  valuesFromOffer,
} from "./offer-form-values.js";

const skill = (code: string, label: string, core = true) => ({ code, label, core });
const fiche: RomeFiche = {
  romeCode: "D1102",
  label: "Boulanger / Boulangère",
  parentRomeCode: "D1102",
  definition: "prépare des pains",
  access: "CAP Boulanger",
  skills: {
    savoirFaire: [skill("1", "Pétrir la pâte"), skill("2", "Défourner"), skill("3", "Vendre", false)],
    savoirEtre: [skill("10", "Rigueur", false)],
    savoirs: [skill("20", "Hygiène")],
  },
  domain: { code: "D11", label: "Alimentation", grandDomainCode: "D", grandDomainLabel: "Commerce" },
  appellations: [{ codeOgr: "11573", label: "Boulanger / Boulangère", principal: true }],
  closeJobs: [],
  romeVersion: "4.0",
};
const job = { codeOgr: "11573", label: "Boulanger / Boulangère", romeCode: "D1102" };
const recruiter = { siret: false, companyContact: false };

describe("a new offer", () => {
  test("the form starts from the defaults the server applies to an empty field (core's OFFER_DEFAULTS)", () => {
    const result = validateNewOffer({ ...initialOfferValues, job, startAsap: true }, recruiter);
    if (!result.ok) throw new Error("a new offer with a job and a start is valid");
    expect(result.body).toMatchObject(OFFER_DEFAULTS);
  });

  test("only the job and the start are needed; the options are sent as shown", () => {
    const result = validateNewOffer({ ...initialOfferValues, job, startAsap: true }, recruiter);
    expect(result).toEqual({
      ok: true,
      body: {
        appellationCode: "11573",
        startAsap: true,
        contractTypes: ["apprentissage"],
        diplomaLevel: null,
        durationMonths: 24,
        positions: 1,
        rhythm: null,
        disabilityFriendly: false,
        companyDescription: null,
      },
    });
  });

  test("says in the form's words what is missing", () => {
    const result = validateNewOffer(initialOfferValues, recruiter);
    expect(result.ok ? {} : result.errors).toEqual({
      job: "Choisissez un métier dans la liste.",
      start: "Indiquez la date de début du contrat, ou cochez « Dès que possible ».",
    });
  });

  test("checks the options and the company contact of an intermediary with core's rules", () => {
    const values = {
      ...initialOfferValues,
      job,
      startDate: "2026-09-01",
      durationMonths: "48",
      contractTypes: [],
      siret: "123",
      contact: { firstName: "Léa", lastName: "", email: "lea@", phone: "06 12 34 56 78" },
    };
    const result = validateNewOffer(values, { siret: true, companyContact: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      "contact.email",
      "contact.lastName",
      "contractTypes",
      "durationMonths",
      "siret",
    ]);
    expect(result.errors.contractTypes).toBe("Choisissez au moins un type de contrat.");
  });

  test("sends the chosen skills, a custom title and text, but not empty ones", () => {
    const skills = defaultSkills(fiche);
    const body = toCreateOfferInput({ ...initialOfferValues, job, startAsap: true, skills, title: "  " }, recruiter);
    expect(body.skills).toEqual(skills);
    expect(body).not.toHaveProperty("title");
    expect(body).not.toHaveProperty("description");
    const custom = toCreateOfferInput(
      { ...initialOfferValues, title: "Apprenti boulanger", description: "Texte." },
      recruiter,
    );
    expect(custom).toMatchObject({ title: "Apprenti boulanger", description: "Texte." });
  });

  test("maps API paths to form fields", () => {
    expect(formFieldOf("appellationCode")).toBe("job");
    expect(formFieldOf("startAsap")).toBe("start");
    expect(formFieldOf("companyContact.phone")).toBe("contact.phone");
    expect(formFieldOf("skills.savoirFaire.3")).toBe("skills");
  });
});

describe("the preview's text", () => {
  test("is the generated text of core until the recruiter writes their own", () => {
    const skills = defaultSkills(fiche);
    expect(effectiveDescription({ description: "", skills }, fiche)).toBe(generateOfferDescription(fiche, skills));
    expect(effectiveDescription({ description: " Mon texte ", skills }, fiche)).toBe("Mon texte");
    expect(effectiveDescription({ description: "", skills: null }, undefined)).toBe("");
  });
});

describe("editing an offer", () => {
  const skills = defaultSkills(fiche);
  const offer = {
    id: "o",
    title: job.label,
    appellation: { codeOgr: job.codeOgr, label: job.label },
    romeCode: "D1102",
    description: generateOfferDescription(fiche, skills),
    skills: [
      ...skills.savoirFaire.map((code) => ({ code, label: code, kind: "savoirFaire" as const })),
      ...skills.savoirEtre.map((code) => ({ code, label: code, kind: "savoirEtre" as const })),
      ...skills.savoirs.map((code) => ({ code, label: code, kind: "savoirs" as const })),
    ],
    startDate: "2026-09-01",
    startAsap: false,
    contractTypes: ["apprentissage"],
    diplomaLevel: null,
    durationMonths: 24,
    positions: 1,
    rhythm: null,
    disabilityFriendly: false,
    company: { siret: "80000100000010", description: null },
  } as unknown as OwnerOffer;

  test("reads a generated title and text as not customised", () => {
    const values = valuesFromOffer(offer, fiche);
    expect(values).toMatchObject({ title: "", description: "", startDate: "2026-09-01", durationMonths: "24" });
    expect(toUpdateOfferInput(values, offer, fiche)).toEqual({});
  });

  test("sends only what changed, with the text regenerated from the new skills", () => {
    const values = valuesFromOffer(offer, fiche);
    const newSkills = { ...skills, savoirFaire: ["1", "3"] };
    const body = toUpdateOfferInput({ ...values, skills: newSkills, startAsap: true, positions: "2" }, offer, fiche);
    expect(body).toEqual({
      startAsap: true,
      positions: 2,
      skills: newSkills,
      description: generateOfferDescription(fiche, newSkills),
    });
  });

  test("a new job brings its name as title when none was written", () => {
    const values = valuesFromOffer(offer, fiche);
    const body = toUpdateOfferInput(
      { ...values, job: { codeOgr: "99999", label: "Pâtissier", romeCode: "D1104" } },
      offer,
      fiche,
    );
    expect(body).toMatchObject({ appellationCode: "99999", title: "Pâtissier" });
  });
});
