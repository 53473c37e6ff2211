/**
 * The code shown to partner developers on « Intégrer l'API ». Kept apart from the page so that a
 * unit test runs the webhook example against a signature made the way the server makes it
 * (modules/diffusion/webhook-signature.ts): a page that documents a check which fails would be worse
 * than none.
 */

/** Node.js (18+) receiver check for `X-Tremplin-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const webhookVerificationExample = `import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * rawBody: the request body exactly as received (string), before any JSON parsing.
 * header: the value of X-Tremplin-Signature. secret: the whsec_… given when the webhook was created.
 */
export function verifyTremplinSignature(rawBody, header, secret, toleranceSeconds = 300) {
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=")));
  const t = Number(parts.t);
  // An old timestamp is a replay: refuse it.
  if (!Number.isFinite(t) || !parts.v1 || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(\`\${t}.\${rawBody}\`).digest();
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}`;

/** A shell session against `base`: sync since a date, follow the cursor, export, feed. */
export function curlExamples(base: string): string {
  return `# Offres modifiées depuis une date (suivre nextCursor jusqu'à null)
curl -H "Authorization: Bearer $TREMPLIN_CLE" \\
  "${base}/api/v1/offers?updatedSince=2026-03-01T00:00:00Z&limit=500"

# Page suivante
curl -H "Authorization: Bearer $TREMPLIN_CLE" \\
  "${base}/api/v1/offers?cursor=<nextCursor>&limit=500"

# Export complet des offres en ligne (NDJSON gzip ; 304 si rien n'a changé)
curl -H "Authorization: Bearer $TREMPLIN_CLE" -H 'If-None-Match: "<etag précédent>"' \\
  -o offres.ndjson.gz -D - "${base}/api/v1/offers/export"

# Flux XML des offres en ligne (sans clé)
curl "${base}/feeds/offers.xml"`;
}

/** Subscribing to offer events. */
export function webhookCreationExample(base: string): string {
  return `curl -X POST -H "Authorization: Bearer $TREMPLIN_CLE" -H "Content-Type: application/json" \\
  -d '{"url":"https://partenaire.example/tremplin/webhook","events":["offer.published","offer.updated","offer.closed"]}' \\
  "${base}/api/v1/webhooks"
# → 201 { "id": "…", "url": "…", "events": [...], "createdAt": "…", "secret": "whsec_…" }
#   Le secret n'est montré qu'une fois : conservez-le.`;
}

export const webhookPayloadExample = `POST /tremplin/webhook HTTP/1.1
Content-Type: application/json
User-Agent: Tremplin-Webhooks/1.0
X-Tremplin-Event: offer.published
X-Tremplin-Delivery: 4821
X-Tremplin-Signature: t=1772352000,v1=5f2b…

{"event":"offer.published","occurredAt":"2026-03-01T08:00:00.000Z","offer":{"id":"…","status":"active","title":"Boulanger / Boulangère", …}}`;

export const errorExample = `HTTP/1.1 429 Too Many Requests
Content-Type: application/json

{ "error": { "code": "RATE_LIMITED", "message": "Trop de demandes en peu de temps. Merci de réessayer dans 12 s." } }`;
