import { describe, expect, it } from "vitest";
import "../index.js";
import { applicationFieldsSchema, applicationFormSchema } from "./application.js";
import { cvKindFromFileName, declaredTypeMatches, sniffCvBytes } from "./application-file.js";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("CV file rules (shared by the web form and the server)", () => {
  it("reads the kind from the extension, case-insensitively, and nothing else", () => {
    expect(cvKindFromFileName("Mon CV.PDF")).toBe("pdf");
    expect(cvKindFromFileName("cv.final.docx")).toBe("docx");
    expect(cvKindFromFileName("cv.doc")).toBeNull();
    expect(cvKindFromFileName("cv.pdf.exe")).toBeNull();
    expect(cvKindFromFileName("pdf")).toBeNull();
  });

  it("sniffs PDF and ZIP signatures, and nothing else", () => {
    expect(sniffCvBytes(bytes("%PDF-1.7\n"))).toBe("pdf");
    expect(sniffCvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe("zip");
    expect(sniffCvBytes(bytes("MZ\x90\x00"))).toBeNull();
    expect(sniffCvBytes(bytes("%PDF"))).toBeNull();
    expect(sniffCvBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
  });

  it("accepts a declared type that matches or says nothing, refuses one that contradicts", () => {
    expect(declaredTypeMatches("pdf", "application/pdf")).toBe(true);
    expect(declaredTypeMatches("pdf", "Application/PDF; charset=binary")).toBe(true);
    expect(declaredTypeMatches("docx", "application/octet-stream")).toBe(true);
    expect(declaredTypeMatches("docx", "application/pdf")).toBe(false);
    expect(declaredTypeMatches("pdf", "application/x-msdownload")).toBe(false);
  });
});

describe("application fields", () => {
  const valid = {
    offerId: "6a1f6b5e-1d3c-4f5e-9a7b-1c2d3e4f5a6b",
    firstName: " Inès ",
    lastName: "Moreau",
    email: "Ines.Moreau@Exemple.fr",
    phone: "06 12 34 56 78",
    message: "Bonjour,\r\nDisponible dès septembre.",
  };

  it("normalises what people type", () => {
    const parsed = applicationFieldsSchema.parse(valid);
    expect(parsed).toMatchObject({
      firstName: "Inès",
      email: "ines.moreau@exemple.fr",
      phone: "0612345678",
      message: "Bonjour,\nDisponible dès septembre.",
    });
    expect(applicationFieldsSchema.parse({ ...valid, message: "  ", siret: "" }).message).toBeUndefined();
  });

  it("wants exactly one target, and plain text", () => {
    expect(applicationFieldsSchema.safeParse({ ...valid, offerId: undefined }).success).toBe(false);
    expect(applicationFieldsSchema.safeParse({ ...valid, siret: "35600000000048" }).success).toBe(false);
    expect(
      applicationFieldsSchema.safeParse({ ...valid, offerId: undefined, siret: "356 000 000 00048" }).success,
    ).toBe(true);
    expect(applicationFormSchema.safeParse({ ...valid, lastName: "<b>Moreau</b>" }).success).toBe(false);
    expect(applicationFormSchema.safeParse({ ...valid, message: "5 < 6 et 7 > 3" }).success).toBe(true);
  });
});
