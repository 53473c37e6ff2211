import multipart from "@fastify/multipart";
import { applicationFieldsSchema, contracts, errorCatalog, type FieldIssue } from "@tremplin/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { requireSession } from "../../http/auth.js";
import { registerRoute } from "../../http/register-route.js";
import { AppError } from "../../lib/app-error.js";
import type { Services } from "../../services.js";
import * as answers from "./answer-service.js";
import type { ApplicationsDeps } from "./context.js";
import { disposableDomains } from "./disposable-domains.js";
import { applicationLifecycleRoutes } from "./lifecycle-routes.js";
import { readApplicationForm } from "./multipart-form.js";
import { registerMultipartRoute } from "./multipart-route.js";
import * as owner from "./owner-service.js";
import { type Submitter, submitApplication } from "./submit-service.js";

const c = contracts.applications;

/** A candidate on the site, or a partner whose key may write applications (any other key: 403). */
function submitterOf(request: FastifyRequest): Submitter {
  const principal = request.principal;
  if (principal?.kind !== "apiKey") return { source: "tremplin", partnerName: null, apiKeyId: null };
  if (!principal.scopes.includes("applications:write")) {
    throw new AppError("FORBIDDEN", { message: "Cette clé d'API n'a pas la portée applications:write." });
  }
  return { source: "partner", partnerName: principal.partner, apiKeyId: principal.apiKeyId };
}

/** The text fields, with the same error shape as every validated route. */
function parseFields(fields: Record<string, string>) {
  const parsed = applicationFieldsSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const details: FieldIssue[] = parsed.error.issues.map((i) => ({
    path: i.path.join(".") || "body",
    message: i.message,
  }));
  const first = details[0];
  const message =
    details.length === 1 && first
      ? `${errorCatalog.VALIDATION_ERROR.message} ${first.path} : ${first.message}`
      : errorCatalog.VALIDATION_ERROR.message;
  throw new AppError("VALIDATION_ERROR", { message, details });
}

function registerSubmit(app: FastifyInstance, deps: ApplicationsDeps): void {
  // Multipart is registered in this scope only: every other route keeps its JSON-only parsing.
  app.register(async (scope) => {
    await scope.register(multipart, { throwFileSizeLimit: true });
    registerMultipartRoute(
      scope,
      c.submitApplication,
      {
        apiKeyScopes: ["applications:write"],
        rateLimitPerMinute: () => deps.config.applicationsPerIpPerMinute,
      },
      async (request) => {
        const submitter = submitterOf(request);
        const form = await readApplicationForm(request);
        return submitApplication(deps, submitter, parseFields(form.fields), form.file);
      },
    );
  });
}

export function applicationsRoutes(app: FastifyInstance, _appDeps: AppDeps, services: Services): void {
  const deps = services.applications;
  // Read the reference list now: a missing or broken file stops the start, not the first candidate.
  disposableDomains();
  applicationLifecycleRoutes(app, deps, services.accounts);
  registerSubmit(app, deps);

  registerRoute(app, c.previewAnswerLink, ({ body }) => answers.previewAnswerLink(deps, body.token));
  registerRoute(app, c.answerByLink, ({ body }) =>
    answers.answerByLink(deps, body.token, { reason: body.reason, message: body.message }),
  );
  registerRoute(app, c.listOfferApplications, ({ params }, { request }) =>
    owner.listOfferApplications(deps, requireSession(request).userId, params.id),
  );
  registerRoute(app, c.exportOfferApplications, async ({ params }, { request, reply }) => {
    const { fileName, csv } = await owner.exportOfferApplications(deps, requireSession(request).userId, params.id);
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${fileName}"`)
      .header("cache-control", "no-store")
      .send(csv);
  });
  registerRoute(app, c.listSpontaneousApplications, async (_input, { request }) => ({
    items: await owner.listSpontaneousApplications(deps, requireSession(request).userId),
  }));
  registerRoute(app, c.answerFromSpace, ({ params, body }, { request }) =>
    owner.answerFromSpace(deps, requireSession(request).userId, params.id, body),
  );
}
