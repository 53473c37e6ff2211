import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import type { Config } from "../config.js";
import { appVersion } from "../lib/version.js";

/** The OpenAPI document, generated from the contracts, at /api/docs/openapi.json, and its UI at /api/docs. */
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
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: true,
    uiConfig: { docExpansion: "list", deepLinking: true, url: "/api/docs/openapi.json" },
  });
  // The stable address partners download the document from.
  app.get("/api/docs/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
