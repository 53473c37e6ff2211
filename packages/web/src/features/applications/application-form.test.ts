import { CV_MAX_BYTES } from "@tremplin/core";
import { describe, expect, test } from "vitest";
import { ApiError } from "../../api/client.js";
import {
  applicationErrorFields,
  applicationFormData,
  applicationRefusal,
  cvProblem,
  emptyApplication,
  validateApplication,
} from "./application-form.js";

const pdf = (size = 10, name = "cv.pdf", type = "application/pdf") => new File([new Uint8Array(size)], name, { type });
const camille = {
  firstName: "Camille",
  lastName: "Martin",
  email: "camille@example.fr",
  phone: "06 12 34 56 78",
  message: "",
};

describe("cvProblem", () => {
  test("a CV is optional for an offer, required for a spontaneous application", () => {
    expect(cvProblem(null, false)).toBeUndefined();
    expect(cvProblem(null, true)).toMatch(/Joignez votre CV/);
  });

  test("only .pdf and .docx names are accepted, whatever the declared type", () => {
    expect(cvProblem(pdf(10, "cv.odt", "application/octet-stream"), false)).toMatch(/PDF \(\.pdf\) ou Word/);
    expect(cvProblem(pdf(10, "cv.docx", ""), false)).toBeUndefined();
  });

  test("a declared type that contradicts the kind is refused", () => {
    expect(cvProblem(pdf(10, "cv.pdf", "image/png"), false)).toMatch(/PDF \(\.pdf\) ou Word/);
  });

  test("3 MB exactly passes, one byte more does not, an empty file does not", () => {
    expect(cvProblem(pdf(CV_MAX_BYTES), false)).toBeUndefined();
    expect(cvProblem(pdf(CV_MAX_BYTES + 1), false)).toMatch(/dépasse 3 Mo/);
    expect(cvProblem(pdf(0), false)).toMatch(/vide/);
  });
});

describe("validateApplication", () => {
  test("says what is missing with core's French messages, per field", () => {
    const errors = validateApplication(emptyApplication, null, true);
    expect(Object.keys(errors).sort()).toEqual(["cv", "email", "firstName", "lastName", "phone"]);
    expect(errors.firstName).toBe("Indiquez votre prénom.");
  });

  test("a complete application has no problem", () => {
    expect(validateApplication(camille, pdf(), true)).toEqual({});
  });

  test("HTML in the message is refused", () => {
    expect(validateApplication({ ...camille, message: "<b>Bonjour</b>" }, null, false).message).toMatch(/balises HTML/);
  });
});

describe("applicationFormData", () => {
  test("an offer's application carries offerId, the fields, and the file named as chosen", () => {
    const data = applicationFormData({ offerId: "o-1" }, camille, pdf(4, "Mon CV.pdf"));
    expect(data.get("offerId")).toBe("o-1");
    expect(data.get("siret")).toBeNull();
    expect(data.get("phone")).toBe("06 12 34 56 78");
    expect((data.get("cv") as File).name).toBe("Mon CV.pdf");
    expect([...data.keys()].at(-1)).toBe("cv");
  });

  test("a spontaneous application carries the siret instead, and no file part without a file", () => {
    const data = applicationFormData({ siret: "80002982900010" }, camille, null);
    expect(data.get("siret")).toBe("80002982900010");
    expect(data.get("offerId")).toBeNull();
    expect(data.has("cv")).toBe(false);
  });
});

describe("applicationErrorFields", () => {
  test("CV refusals go on the CV field, a disposable address on the email field", () => {
    const tooLarge = new ApiError({ status: 413, code: "CV_TOO_LARGE", message: "Trop lourd." });
    expect(applicationErrorFields(tooLarge)).toEqual({ cv: "Trop lourd." });
    const disposable = new ApiError({ status: 422, code: "EMAIL_DISPOSABLE", message: "Jetable." });
    expect(applicationErrorFields(disposable)).toEqual({ email: "Jetable." });
    const byProxy = new ApiError({ status: 413, code: "PAYLOAD_TOO_LARGE", message: "Trop volumineux." });
    expect(applicationErrorFields(byProxy)).toEqual({ cv: "Trop volumineux." });
  });

  test("validation issues keep their own fields; limits concern no field", () => {
    const invalid = new ApiError({
      status: 400,
      code: "VALIDATION_ERROR",
      message: "…",
      details: [{ path: "phone", message: "Numéro invalide." }],
    });
    expect(applicationErrorFields(invalid)).toEqual({ phone: "Numéro invalide." });
    const limit = new ApiError({ status: 429, code: "APPLICATION_DAILY_LIMIT", message: "Limite." });
    expect(applicationRefusal(limit)).toEqual({ severity: "error", title: "Votre candidature n'a pas été envoyée" });
    const again = new ApiError({ status: 409, code: "ALREADY_APPLIED", message: "Déjà le 3 mars." });
    expect(applicationErrorFields(again)).toEqual({});
    expect(applicationRefusal(again)).toEqual({ severity: "info", title: "Vous avez déjà postulé à cette offre" });
    expect(applicationErrorFields(limit)).toEqual({});
  });
});
