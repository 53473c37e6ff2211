import { CV_MAX_BYTES } from "@tremplin/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertEstablishment, recruiterWithCompany } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { isDisposableEmail } from "./disposable-domains.js";
import {
  apply,
  candidate,
  cvPdf,
  DOCX_TYPE,
  docxBytes,
  multipart,
  pdfBytes,
  recruiterWithOffer,
  zipBytes,
} from "./test-support.js";

let t: TestApp;
let offerId: string;
beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 100_000, applicationsPerIpPerMinute: 100_000 } });
  ({ offerId } = await recruiterWithOffer(t));
});
afterAll(async () => t?.close());

const applications = () => t.db.db.selectFrom("applications").selectAll().execute();

describe("POST /api/v1/applications (multipart)", () => {
  it("accepts an application to an offer with a PDF and answers 201 with a receipt", async () => {
    const r = await apply(t, { offerId, ...candidate() }, [cvPdf()]);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      status: "new",
      target: { kind: "offer", offerId, title: "Boulanger / Boulangère" },
      cv: { fileName: "mon-cv.pdf", size: pdfBytes().length },
    });
    expect(r.body.message).toContain("Votre candidature a été transmise");
  });

  it("accepts an application to an offer without a CV, and a spontaneous one with a .docx", async () => {
    expect((await apply(t, { offerId, ...candidate() })).status).toBe(201);
    const company = await recruiterWithCompany(t);
    const r = await apply(t, { siret: company.establishment.siret, ...candidate() }, [
      { name: "CV Inès.docx", type: DOCX_TYPE, bytes: docxBytes() },
    ]);
    expect(r.status).toBe(201);
    expect(r.body.target).toMatchObject({ kind: "company", siret: company.establishment.siret, title: null });
  });

  it("requires a CV for a spontaneous application", async () => {
    const company = await recruiterWithCompany(t);
    const r = await apply(t, { siret: company.establishment.siret, ...candidate() });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("CV_REQUIRED");
  });

  it("refuses a spontaneous application to a closed establishment or one nobody can receive", async () => {
    const closed = await recruiterWithCompany(t, { establishment: { admin_state: "F" } });
    const r1 = await apply(t, { siret: closed.establishment.siret, ...candidate() }, [cvPdf()]);
    expect(r1.body.error.code).toBe("APPLICATION_COMPANY_NOT_TARGETABLE");
    const nobody = await insertEstablishment(t);
    const r2 = await apply(t, { siret: nobody.siret, ...candidate() }, [cvPdf()]);
    expect(r2.body.error.code).toBe("APPLICATION_COMPANY_NOT_TARGETABLE");
  });

  it("validates the text fields with the core schema and French messages", async () => {
    const r = await apply(t, { offerId, ...candidate({ firstName: "", email: "pas-une-adresse" }) });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("VALIDATION_ERROR");
    expect(r.body.error.details).toEqual(
      expect.arrayContaining([
        { path: "firstName", message: "Indiquez votre prénom." },
        { path: "email", message: "Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr." },
      ]),
    );
  });

  it("refuses HTML, over-long texts, and a missing or double target", async () => {
    const html = await apply(t, { offerId, ...candidate({ message: 'Voir <a href="x">ici</a>' }) });
    expect(html.body.error.details).toEqual([
      { path: "message", message: "N'utilisez pas de balises HTML (comme <b> ou <a>) : écrivez du texte simple." },
    ]);
    const long = await apply(t, { offerId, ...candidate({ message: "a".repeat(3001) }) });
    expect(long.body.error.details).toEqual([{ path: "message", message: "Saisissez au plus 3000 caractères." }]);
    // "<3" is not a tag.
    expect((await apply(t, { offerId, ...candidate({ message: "J'adore ce métier <3" }) })).status).toBe(201);
    const none = await apply(t, candidate());
    expect(none.body.error.details[0].path).toBe("offerId");
    const company = await insertEstablishment(t);
    const both = await apply(t, { offerId, siret: company.siret, ...candidate() });
    expect(both.status).toBe(400);
  });

  it("refuses disposable email domains, including their subdomains", async () => {
    expect(isDisposableEmail("x@yopmail.com")).toBe(true);
    expect(isDisposableEmail("x@eu.mailinator.com")).toBe(true);
    expect(isDisposableEmail("x@laposte.net")).toBe(false);
    const r = await apply(t, { offerId, ...candidate({ email: "ines@yopmail.com" }) });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: "EMAIL_DISPOSABLE" });
    expect(r.body.error.message).toContain("adresses e-mail jetables");
  });
});

describe("the CV file", () => {
  const fileError = async (file: { name: string; type: string; bytes: Buffer }) => {
    const r = await apply(t, { offerId, ...candidate() }, [file]);
    return { status: r.status, code: r.body.error?.code as string | undefined };
  };

  it("refuses a renamed executable", async () => {
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(2000, 1)]);
    expect(await fileError({ name: "cv.pdf", type: "application/pdf", bytes: exe })).toEqual({
      status: 422,
      code: "CV_CONTENT_MISMATCH",
    });
    expect(await fileError({ name: "cv.docx", type: DOCX_TYPE, bytes: exe })).toMatchObject({
      code: "CV_CONTENT_MISMATCH",
    });
  });

  it("refuses a PDF with a .docx extension, and a zip that is not a Word document", async () => {
    expect(await fileError({ name: "cv.docx", type: DOCX_TYPE, bytes: pdfBytes() })).toMatchObject({
      code: "CV_CONTENT_MISMATCH",
    });
    const zip = zipBytes({ "photo.jpg": "not really", "notes.txt": "hello" });
    expect(await fileError({ name: "cv.docx", type: DOCX_TYPE, bytes: zip })).toMatchObject({
      code: "CV_CONTENT_MISMATCH",
    });
  });

  it("refuses a Word document with macros", async () => {
    const macro = docxBytes({ "word/vbaProject.bin": "Attribute VB_Name" });
    expect(await fileError({ name: "cv.docx", type: DOCX_TYPE, bytes: macro })).toEqual({
      status: 422,
      code: "CV_MACROS_NOT_ALLOWED",
    });
  });

  it("refuses a declared type that contradicts the extension, and other formats", async () => {
    expect(await fileError({ name: "cv.pdf", type: "image/png", bytes: pdfBytes() })).toMatchObject({
      code: "CV_CONTENT_MISMATCH",
    });
    expect(await fileError({ name: "cv.png", type: "image/png", bytes: pdfBytes() })).toEqual({
      status: 422,
      code: "CV_TYPE_NOT_ALLOWED",
    });
    expect(await fileError({ name: "cv.pdf", type: "application/pdf", bytes: Buffer.alloc(0) })).toMatchObject({
      code: "CV_CONTENT_MISMATCH",
    });
  });

  it("accepts a CV of exactly 3 MB sent with an unknown declared type", async () => {
    const bytes = pdfBytes(CV_MAX_BYTES);
    expect(bytes.length).toBe(CV_MAX_BYTES);
    const r = await apply(t, { offerId, ...candidate() }, [
      { name: "cv.PDF", type: "application/octet-stream", bytes },
    ]);
    expect(r.status).toBe(201);
    expect(r.body.cv.size).toBe(CV_MAX_BYTES);
  });

  it("answers 413 CV_TOO_LARGE, in the error shape, one byte over the limit and far over it", async () => {
    const before = (await applications()).length;
    for (const size of [CV_MAX_BYTES + 1, 3 * CV_MAX_BYTES]) {
      const r = await apply(t, { offerId, ...candidate() }, [cvPdf(pdfBytes(size))]);
      expect(r.status).toBe(413);
      expect(r.body.error.code).toBe("CV_TOO_LARGE");
      expect(r.body.error.message).toContain("3 Mo");
    }
    expect((await applications()).length).toBe(before);
  });

  it("refuses two files, a file in another field, and a JSON body", async () => {
    const two = await apply(t, { offerId, ...candidate() }, [cvPdf(), cvPdf()]);
    expect(two.status).toBe(400);
    expect(two.body.error.details).toEqual([{ path: "cv", message: "Joignez un seul fichier : votre CV." }]);
    const other = await apply(t, { offerId, ...candidate() }, [{ ...cvPdf(), field: "photo" }]);
    expect(other.body.error.details[0].path).toBe("photo");
    const json = await t.app.inject({
      method: "POST",
      url: "/api/v1/applications",
      payload: { offerId, ...candidate() },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("keeps JSON routes as they were (multipart is not accepted elsewhere)", async () => {
    const body = await multipart({ q: "boulanger" });
    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/reports",
      payload: body.payload,
      headers: body.headers,
    });
    expect(r.statusCode).toBe(415);
  });
});

describe("over a real socket", () => {
  it("streams 3 MB through (201) and answers a 20 MB upload 413 in the error shape, never a reset or a 5xx", async () => {
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const send = async (size: number) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ offerId, ...candidate() })) form.append(k, v);
      form.append("cv", new Blob([pdfBytes(size)], { type: "application/pdf" }), "cv.pdf");
      const r = await fetch(`${address}/api/v1/applications`, { method: "POST", body: form });
      return { status: r.status, body: (await r.json()) as { error: { code: string } } };
    };
    expect((await send(CV_MAX_BYTES)).status).toBe(201);
    const big = await send(20 * 1024 * 1024);
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("CV_TOO_LARGE");
  });
});

describe("OpenAPI", () => {
  it("describes the multipart body with the cv file", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/docs/openapi.json" })).json();
    const op = doc.paths["/api/v1/applications"].post;
    const schema = op.requestBody.content["multipart/form-data"].schema;
    const resolved = schema.$ref ? doc.components.schemas[schema.$ref.split("/").pop()] : schema;
    expect(Object.keys(resolved.properties)).toEqual(
      expect.arrayContaining(["offerId", "siret", "firstName", "lastName", "email", "phone", "message", "cv"]),
    );
    expect(resolved.properties.cv).toMatchObject({ type: "string", format: "binary" });
    expect(op.security).toEqual([{}, { apiKey: ["applications:write"] }]);
  });
});
