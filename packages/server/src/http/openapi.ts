import swagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import type { Config } from "../config.js";
import { appVersion } from "../lib/version.js";

/** The web app's page that presents the OpenAPI document to people (packages/web, « Référence de l'API »). */
export const apiReferencePagePath = "/api-partenaires/reference";

/** The OpenAPI document, generated from the contracts, at /api/docs/openapi.json; /api/docs leads people to its page. */
export async function registerOpenApi(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "API Tremplin",
        version: appVersion,
        description:
          'API publique de Tremplin : référentiels (métiers ROME, communes, NAF, OPCO), offres d\'alternance, recherche et candidatures. Toutes les réponses sont en JSON (camelCase, dates ISO 8601). Les erreurs ont la forme `{ "error": { "code", "message", "details"? } }`.',
      },
      servers: [{ url: config.publicUrl }],
      // Requests per minute per IP address (per key for partners, at their key's rate) of every
      // route without a stricter x-rate-limit-per-minute of its own.
      ...({ "x-rate-limit-per-minute": config.rateLimitPerMinute } as object),
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "tremplin_session" },
          apiKey: { type: "http", scheme: "bearer", description: "Clé d'API partenaire" },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // People read the reference in French in the web app, generated from this same document (it
  // replaced Swagger UI: English, no phone layout, serious accessibility faults).
  app.get("/api/docs", { schema: { hide: true } }, async (_request, reply) =>
    reply.redirect(apiReferencePagePath, 301),
  );
  // The stable address partners download the document from.
  app.get("/api/docs/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
