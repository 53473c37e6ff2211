import { type ErrorResponse, errorCatalog, type FieldIssue } from "@tremplin/core";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { isDatabaseUnavailable, isDataException } from "../db/unavailable.js";
import { AppError } from "../lib/app-error.js";

function body(code: string, message: string, details?: unknown): ErrorResponse {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

const locationLabel: Record<string, string> = { body: "", querystring: "", params: "", headers: "en-tête " };

/**
 * One place turns every failure into the API error shape. Anything a client can cause is a 4xx
 * with a stable code; anything else is logged with the request id and masked as a 500.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return reply.status(error.status).send(body(error.code, error.message, error.details));
    }

    if (hasZodFastifySchemaValidationErrors(error)) {
      const location = (error as FastifyError & { validationContext?: string }).validationContext ?? "body";
      const details: FieldIssue[] = error.validation.map((v) => ({
        path:
          `${locationLabel[location] ?? ""}${String(v.instancePath ?? "")
            .replace(/^\//, "")
            .replaceAll("/", ".")}` || location,
        message: v.message ?? "Valeur invalide.",
      }));
      const first = details[0];
      const message =
        details.length === 1 && first
          ? `${errorCatalog.VALIDATION_ERROR.message} ${first.path} : ${first.message}`
          : errorCatalog.VALIDATION_ERROR.message;
      return reply.status(400).send(body("VALIDATION_ERROR", message, details));
    }

    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause?.issues }, "response does not match its contract");
      return reply.status(500).send(body("INTERNAL_ERROR", errorCatalog.INTERNAL_ERROR.message));
    }

    if (isDatabaseUnavailable(error)) {
      // A database restart or failover: the request may be retried; the pool reconnects by itself.
      request.log.warn({ err: error }, "database unavailable");
      return reply
        .status(503)
        .header("retry-after", "5")
        .send(body("SERVICE_UNAVAILABLE", errorCatalog.SERVICE_UNAVAILABLE.message));
    }

    if (isDataException(error)) {
      request.log.warn({ err: error }, "client value refused by the database: validate it at the edge");
      return reply.status(400).send(body("MALFORMED_REQUEST", errorCatalog.MALFORMED_REQUEST.message));
    }

    const status = error.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send(body("RATE_LIMITED", errorCatalog.RATE_LIMITED.message));
    }
    if (status === 413 || error.code === "FST_REQ_FILE_TOO_LARGE" || error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply.status(413).send(body("PAYLOAD_TOO_LARGE", errorCatalog.PAYLOAD_TOO_LARGE.message));
    }
    if (status === 415 || error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return reply.status(415).send(body("UNSUPPORTED_MEDIA_TYPE", errorCatalog.UNSUPPORTED_MEDIA_TYPE.message));
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: bad JSON, empty body with a JSON content type, bad URL encoding…
      return reply.status(400).send(body("MALFORMED_REQUEST", errorCatalog.MALFORMED_REQUEST.message));
    }
    request.log.error({ err: error }, "unexpected error");
    return reply.status(500).send(body("INTERNAL_ERROR", errorCatalog.INTERNAL_ERROR.message));
  });
}

export { body as errorBody };
