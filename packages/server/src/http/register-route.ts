import {
  errorResponseSchema,
  type ParsedRouteInput,
  type RouteContract,
  type RouteOutput,
  successStatus,
} from "@tremplin/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { partnerRate, rateLimitKey } from "./rate-limit.js";

export interface HandlerContext {
  request: FastifyRequest;
  reply: FastifyReply;
}

/** What a handler may return: the success body, or the reply itself when it sent something else. */
export type HandlerResult<C extends RouteContract> =
  | RouteOutput<C>
  | FastifyReply
  // biome-ignore lint/suspicious/noConfusingVoidType: a 204 handler ends without `return`; its Promise<void> is not a Promise<undefined>.
  | (204 extends keyof C["responses"] ? void : never);

export type RouteHandler<C extends RouteContract> = (
  input: ParsedRouteInput<C>,
  context: HandlerContext,
) => Promise<HandlerResult<C>> | HandlerResult<C>;

const errorStatuses = [400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 503] as const;

/** The contract's responses for OpenAPI and serialisation, plus the one error shape on every 4xx. */
export function responseSchemas(contract: RouteContract): Record<number, z.ZodType> {
  const response: Record<number, z.ZodType> = {};
  for (const [code, schema] of Object.entries(contract.responses)) {
    if (schema) response[Number(code)] = Number(code) === 204 ? z.null().optional() : schema;
  }
  for (const code of errorStatuses) response[code] = errorResponseSchema;
  return response;
}

/**
 * Mounts a contract from core: validation, OpenAPI, auth and rate limit all come from it, so a
 * route file only says which service to call and how to present the result.
 */
export function registerRoute<C extends RouteContract>(
  app: FastifyInstance,
  contract: C,
  handler: RouteHandler<C>,
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
      ...(contract.hidden ? { hide: true } : {}),
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      ...(contract.auth !== "public" ? { security: securityFor(contract) } : {}),
      // Said in the OpenAPI document (the API reference page shows it); the global default is in its root.
      ...(contract.rateLimitPerMinute ? { "x-rate-limit-per-minute": contract.rateLimitPerMinute } : {}),
      response,
    },
    config: {
      auth: contract.auth,
      ...(contract.noRateLimit ? { rateLimit: false } : {}),
      ...(contract.rateLimitPerMinute
        ? {
            rateLimit: {
              max: (request: FastifyRequest) => partnerRate(request) ?? (contract.rateLimitPerMinute as number),
              keyGenerator: rateLimitKey,
              timeWindow: "1 minute",
            },
          }
        : {}),
    },
    handler: async (request, reply) => {
      const input = {
        params: request.params,
        query: request.query,
        body: request.body,
      } as ParsedRouteInput<C>;
      const result = await handler(input, { request, reply });
      if (result === reply) return reply;
      if (status === 204) return reply.status(204).send();
      return reply.status(status).send(result);
    },
  });
}

function securityFor(contract: RouteContract): Array<Record<string, string[]>> {
  if (contract.auth === "public") return [];
  const out: Array<Record<string, string[]>> = [];
  if (contract.auth.roles?.length) out.push({ session: [] });
  if (contract.auth.scopes?.length) out.push({ apiKey: [...contract.auth.scopes] });
  return out;
}

declare module "fastify" {
  interface FastifyContextConfig {
    auth?: RouteContract["auth"];
  }
}
