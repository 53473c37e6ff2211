import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertOffer } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";

const webDistDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../../test/fixtures/web-dist");
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: "2026-03-02T09:00:00.000Z", webDistDir });
});
afterAll(async () => t?.close());

const jsonLdOf = (html: string) => {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  return match?.[1] ? JSON.parse(match[1]) : null;
};

describe("offer pages for search engines", () => {
  it("serve JobPosting JSON-LD in the HTML, with every field job search engines require", async () => {
    const offer = await insertOffer(t, {
      title: "Apprenti boulanger </script><script>alert(1)</script>",
      description: "Prépare les pains.\n\nVos missions :\n- Pétrir\n- Cuire",
      start_date: "2026-09-01",
      start_asap: false,
      diploma_level: 3,
      city: "Lyon",
      postal_code: "69002",
    });
    const page = await t.app.inject({ method: "GET", url: `/offres/${offer.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).not.toContain("<script>alert(1)</script>");
    const ld = jsonLdOf(page.body);
    expect(ld).toMatchObject({
      "@context": "https://schema.org/",
      "@type": "JobPosting",
      title: "Apprenti boulanger </script><script>alert(1)</script>",
      datePosted: "2026-03-02T09:00:00.000Z",
      validThrough: "2026-04-01T09:00:00.000Z",
      jobStartDate: "2026-09-01",
      hiringOrganization: { "@type": "Organization", name: "Boulangerie Fixture" },
      jobLocation: {
        "@type": "Place",
        address: { addressLocality: "Lyon", postalCode: "69002", addressCountry: "FR" },
      },
      directApply: true,
      url: `http://tremplin.test/offres/${offer.id}`,
    });
    expect(ld.description).toContain("<ul><li>Pétrir</li><li>Cuire</li></ul>");
    expect(ld.employmentType).toContain("FULL_TIME");
    expect(page.body).toContain(`<link rel="canonical" href="http://tremplin.test/offres/${offer.id}">`);
    expect(page.body.match(/<title>/g)).toHaveLength(1);
  });

  it("answer 404 and 410 (noindex) for unknown and closed offers, 200 for other pages", async () => {
    const closed = await insertOffer(t, { status: "filled" });
    expect(
      (await t.app.inject({ method: "GET", url: "/offres/00000000-0000-4000-8000-000000000000" })).statusCode,
    ).toBe(404);
    const gone = await t.app.inject({ method: "GET", url: `/offres/${closed.id}` });
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('<meta name="robots" content="noindex">');
    expect(jsonLdOf(gone.body)).toBeNull();
    expect((await t.app.inject({ method: "GET", url: "/espace" })).statusCode).toBe(200);
    expect((await t.app.inject({ method: "HEAD", url: "/" })).statusCode).toBe(200);
  });

  it("list active offers in the sitemap and the XML jobs feed", async () => {
    const live = await insertOffer(t, { title: "Pâtissier & chocolatier" });
    const index = await t.app.inject({ method: "GET", url: "/sitemap.xml" });
    expect(index.body).toContain("<loc>http://tremplin.test/sitemaps/offres-1.xml</loc>");
    const offers = await t.app.inject({ method: "GET", url: "/sitemaps/offres-1.xml" });
    expect(offers.body).toContain(`<loc>http://tremplin.test/offres/${live.id}</loc>`);
    expect(offers.body).not.toContain("filled");
    const feed = await t.app.inject({ method: "GET", url: "/feeds/offers.xml" });
    expect(feed.headers["content-type"]).toContain("application/xml");
    expect(feed.body).toContain(`<referencenumber><![CDATA[${live.id}]]></referencenumber>`);
    expect(feed.body).toContain("<title><![CDATA[Pâtissier & chocolatier]]></title>");
    expect(feed.body).toContain("<expirationdate>2026-04-01T09:00:00.000Z</expirationdate>");
    expect(feed.body).not.toContain("recrutement@fixture.example");
  });
});
