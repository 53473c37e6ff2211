import { descriptionBlocks, type PublicOffer } from "@tremplin/core";
import { escapeHtml as escapeHtmlText } from "../../mail/html.js";
import { jsonForScript, withoutNonXmlChars } from "./xml.js";

/** HTML-escaped, without control characters (they are invalid in HTML text and attributes). */
const escapeHtml = (text: string) => escapeHtmlText(withoutNonXmlChars(text));

const ONE_LINE = /\s+/g;

/**
 * The description as the HTML JobPosting expects, cut by core's rule (the one the offer page uses):
 * paragraphs and "- " lists, every piece of text escaped.
 */
function descriptionHtml(text: string): string {
  return descriptionBlocks(text)
    .map((block) =>
      block.kind === "list"
        ? `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`
        : `<p>${escapeHtml(block.text).replace(/\n/g, "<br>")}</p>`,
    )
    .join("");
}

/** schema.org JobPosting for an offer page: what job search engines index without running scripts. */
export function jobPostingJsonLd(offer: PublicOffer): Record<string, unknown> {
  return {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    title: offer.title,
    description: descriptionHtml(offer.description),
    identifier: { "@type": "PropertyValue", name: "Tremplin", value: offer.id },
    datePosted: offer.publishedAt,
    validThrough: offer.expiresAt,
    employmentType: ["FULL_TIME", "OTHER"],
    ...(offer.startDate ? { jobStartDate: offer.startDate } : {}),
    occupationalCategory: `${offer.romeCode} ${offer.romeLabel}`,
    ...(offer.diplomaLevel
      ? {
          educationRequirements: {
            "@type": "EducationalOccupationalCredential",
            credentialCategory: `niveau ${offer.diplomaLevel}`,
          },
        }
      : {}),
    hiringOrganization: { "@type": "Organization", name: offer.company.name },
    jobLocation: {
      "@type": "Place",
      address: {
        "@type": "PostalAddress",
        addressLocality: offer.company.city ?? undefined,
        postalCode: offer.company.postalCode ?? undefined,
        addressCountry: "FR",
      },
      ...(offer.company.lat !== null && offer.company.lon !== null
        ? { geo: { "@type": "GeoCoordinates", latitude: offer.company.lat, longitude: offer.company.lon } }
        : {}),
    },
    directApply: true,
    url: offer.url,
  };
}

/** The <head> tags of an offer page: title, description, canonical link, Open Graph, JSON-LD. */
export function offerHead(offer: PublicOffer): string {
  const title = `${offer.title} — ${offer.company.name}${offer.company.city ? `, ${offer.company.city}` : ""} | Tremplin`;
  const summary =
    `Alternance : ${offer.title} chez ${offer.company.name}${offer.company.city ? ` (${offer.company.city})` : ""}. ${offer.description}`
      .replace(ONE_LINE, " ")
      .slice(0, 200);
  const jsonLd = jsonForScript(jobPostingJsonLd(offer));
  return [
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${escapeHtml(summary)}">`,
    `<link rel="canonical" href="${escapeHtml(offer.url)}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${escapeHtml(title)}">`,
    `<meta property="og:description" content="${escapeHtml(summary)}">`,
    `<meta property="og:url" content="${escapeHtml(offer.url)}">`,
    `<script type="application/ld+json">${jsonLd}</script>`,
  ].join("\n");
}

export { xmlEscape } from "./xml.js";
