import { type ApiScope, type RouteContract, type RouteOutput, successStatus } from "@tremplin/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { partnerRate, rateLimitKey } from "../../http/rate-limit.js";
import { responseSchemas } from "../../http/register-route.js";

export interface MultipartRouteOptions {
  /** A public route that partners may also call with a key holding one of these scopes (OpenAPI). */
  apiKeyScopes: readonly ApiScope[];
  /** Requests per minute per IP address (a partner's key keeps its own rate, as on every route). */
  rateLimitPerMinute: () => number;
}

/**
 * Mounts a contract whose body is multipart/form-data. Same shape as http/register-route.ts (the
 * contract's auth, error schemas, OpenAPI), with two differences: the contract's body schema only
 * documents the form (OpenAPI `consumes`), since the handler streams and validates the parts itself;
 * and the per-IP rate comes from the configuration. Kept here until a second multipart route
 * makes it worth a place in http/.
 */
export function registerMultipartRoute<C extends RouteContract>(
  app: FastifyInstance,
  contract: C,
  options: MultipartRouteOptions,
  handler: (request: FastifyRequest, reply: FastifyReply) => Promise<RouteOutput<C>>,
): void {
  const status = successStatus(contract);
  const response = responseSchemas(contract);

  app.withTypeProvider<ZodTypeProvider>().route({
    method: contract.method,
    url: contract.path,
    schema: {
      summary: contract.summary,
      ...(contract.description ? { description: contract.description } : {}),
      tags: [...contract.tags],
      consumes: ["multipart/form-data"],
      ...(contract.body ? { body: contract.body } : {}),
      // Anonymous (the web form) or a partner's key.
      security: [{}, { apiKey: [...options.apiKeyScopes] }],
      response,
    },
    // The body is not parsed before the handler (the file streams): nothing to validate here.
    validatorCompiler: () => (data: unknown) => ({ value: data }),
    config: {
      auth: contract.auth,
      rateLimit: {
        max: async (request: FastifyRequest) => partnerRate(request) ?? options.rateLimitPerMinute(),
        keyGenerator: rateLimitKey,
        timeWindow: "1 minute",
      },
    },
    handler: async (request, reply) => {
      const result = await handler(request, reply);
      return reply.status(status).send(result);
    },
  });
}
