import path from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
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
    // Cut by core's descriptionBlocks, as the offer page shows it: a paragraph, a title, a list.
    expect(ld.description).toBe("<p>Prépare les pains.</p><p>Vos missions :</p><ul><li>Pétrir</li><li>Cuire</li></ul>");
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
    expect(feed.body).toContain(`<referencenumber>${live.id}</referencenumber>`);
    expect(feed.body).toContain("<title>Pâtissier &amp; chocolatier</title>");
    expect(feed.body).toContain("<expirationdate>2026-04-01T09:00:00.000Z</expirationdate>");
    expect(feed.body).not.toContain("recrutement@fixture.example");
  });
});

// What a hostile recruiter (or a partner's feed) can put in an offer, and what each must not break.
const hostile = "Vendeur ]]><![CDATA[ & <b>\"cassé\"</b> 'x' $` $' $& $$ \u0001\u000b fin";

describe("hostile strings in offers", () => {
  it("keep the XML feed and the sitemap well-formed, and come back as the same text", async () => {
    const offer = await insertOffer(t, {
      title: hostile,
      company_name: `Société ${hostile}`,
      city: `Ville ${hostile}`,
      description: `Description ${hostile}\n\n]]>`,
    });
    const feed = await t.app.inject({ method: "GET", url: "/feeds/offers.xml" });
    expect(XMLValidator.validate(feed.body)).toBe(true);
    const parsed = new XMLParser({ parseTagValue: false, processEntities: true }).parse(feed.body);
    const jobs = [parsed.source.job].flat();
    const job = jobs.find((j: { referencenumber: string }) => j.referencenumber === offer.id);
    const withoutControls = hostile.replaceAll("\u0001", "").replaceAll("\u000b", "");
    expect(job.title).toBe(withoutControls);
    expect(job.company).toBe(`Société ${withoutControls}`);
    expect(job.city).toBe(`Ville ${withoutControls}`);
    for (const url of ["/sitemap.xml", "/sitemaps/offres-1.xml", "/sitemaps/pages.xml"]) {
      expect(XMLValidator.validate((await t.app.inject({ method: "GET", url })).body), url).toBe(true);
    }
  });

  it("never change the page around the head ($ patterns), and keep the JSON-LD intact", async () => {
    const offer = await insertOffer(t, { title: hostile, company_name: "</script><!-- $& $`" });
    const page = await t.app.inject({ method: "GET", url: `/offres/${offer.id}` });
    expect(page.statusCode).toBe(200);
    // One head, one title, nothing of index.html copied into it by a `$\`` or `$'` expansion.
    expect(page.body.match(/<head>/g)).toHaveLength(1);
    expect(page.body.match(/<\/head>/g)).toHaveLength(1);
    expect(page.body.match(/<title>/g)).toHaveLength(1);
    const title = /<title>([^<]*)<\/title>/.exec(page.body)?.[1] ?? "";
    expect(title).toContain("$` $&#39; $&amp; $$");
    expect(title).toContain("&lt;b&gt;&quot;cassé&quot;&lt;/b&gt;");
    expect(title).not.toContain("\u0001");
    expect(title).not.toContain("\u000b");
    expect(page.body).not.toContain("</script><!--");
    expect(page.body.match(/<\/script>/g)?.length).toBe(page.body.match(/<script/g)?.length);
    const ld = jsonLdOf(page.body);
    expect(ld.title).toBe(hostile);
    expect(ld.hiringOrganization.name).toBe("</script><!-- $& $`");
  });
});
