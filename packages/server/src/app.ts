import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import "@tremplin/core";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { AppDeps } from "./app-deps.js";
import { databaseRateLimitStore } from "./db/rate-limit-store.js";
import { installAuth } from "./http/auth.js";
import { registerCompression } from "./http/compression.js";
import { installErrorHandlers } from "./http/error-handler.js";
import { registerOpenApi } from "./http/openapi.js";
import { composePrincipalResolver } from "./http/principal.js";
import { partnerRate, rateLimitKey } from "./http/rate-limit.js";
import { registerSecurityHeaders } from "./http/security.js";
import { registerWebApp } from "./http/web-static.js";
import { AppError } from "./lib/app-error.js";
import { deriveKey } from "./lib/secret-keys.js";
import { devMailboxRoutes } from "./mail/dev-mailbox.js";
import { membershipRoutes } from "./modules/accounts/membership-routes.js";
import { sessionResolver } from "./modules/accounts/principal.js";
import { accountsRoutes } from "./modules/accounts/routes.js";
import { alertsRoutes } from "./modules/alerts/routes.js";
import { algoCompaniesRoutes } from "./modules/algo-companies/routes.js";
import { applicationsRoutes } from "./modules/applications/routes.js";
import { cfaMatchingRoutes } from "./modules/cfa-matching/routes.js";
import { companiesRoutes } from "./modules/companies/routes.js";
import { contactRoutes } from "./modules/contact/routes.js";
import { apiKeyResolver, watchApiKeyChanges } from "./modules/diffusion/api-keys.js";
import { diffusionRoutes } from "./modules/diffusion/routes.js";
import { pageHeadRenderer, seoRoutes } from "./modules/diffusion/seo-routes.js";
import { healthRoutes } from "./modules/health/routes.js";
import { offersRoutes } from "./modules/offers/routes.js";
import { referentialRoutes } from "./modules/referential/routes.js";
import { reportsRoutes } from "./modules/reports/routes.js";
import { searchRoutes } from "./modules/search/routes.js";
import { statsRoutes } from "./modules/stats/routes.js";
import { buildServices, type Services } from "./services.js";

export type { AppDeps } from "./app-deps.js";

declare module "fastify" {
  interface FastifyInstance {
    /** The services this app was built with (services.ts). */
    services: Services;
  }
}

export interface BuildOptions {
  /** Serve the built web app (default true). */
  web?: boolean;
  /** Where the built web app is (tests use a small fixture). */
  webDistDir?: string;
  /** Human-readable logs (a developer's terminal) instead of JSON lines (log collectors). */
  prettyLogs?: boolean;
}

/** Builds the whole HTTP application without listening: main.ts listens, tests use app.inject(). */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: ["req.headers.authorization", "req.headers.cookie"], censor: "[masqué]" },
      ...(options.prettyLogs
        ? {
            transport: {
              target: "pino-pretty",
              options: { translateTime: "HH:MM:ss", ignore: "pid,hostname,reqId,req,res,responseTime" },
            },
          }
        : {}),
    },
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    requestIdHeader: false,
    // Only the proxies named by TRUST_PROXY may say who the client is (X-Forwarded-For); trusting any
    // sender would let each request forge its address and escape the per-address limits.
    trustProxy: config.trustProxy as boolean, // false, a hop count or a list: Fastify takes each; the cast only picks the HTTP/1 overload
    bodyLimit: 1_048_576,
    // During a graceful stop, requests already on open connections are served, not answered 503
    // with a body outside our error shape; the listener stops accepting new connections.
    return503OnClosing: false,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  await registerSecurityHeaders(app, { https: config.publicUrl.startsWith("https://") });
  // Cookies are signed with their own key derived from SESSION_SECRET, never the email links' key.
  await app.register(cookie, { secret: deriveKey(config.sessionSecret, "sessionCookie") });
  await registerCompression(app);
  await app.register(rateLimit, {
    global: true,
    // Counters in the database, shared by every instance (ADR 010).
    store: databaseRateLimitStore(deps.db.db),
    // Partners are counted per key at their key's rate; everyone else per IP address.
    max: (request) => partnerRate(request) ?? config.rateLimitPerMinute,
    keyGenerator: rateLimitKey,
    // The built app's files (@fastify/static routes, marked by config.file) are read from memory-cached
    // disk and cached by browsers: counting them would write to the database on every asset and, behind
    // one address (a school, a CFA), leave pages without their scripts. Pages keep their own limit.
    allowList: (request) => Boolean((request.routeOptions.config as { file?: string } | undefined)?.file),
    timeWindow: "1 minute",
    errorResponseBuilder: (_request, context) =>
      new AppError("RATE_LIMITED", {
        message: `Trop de demandes en peu de temps. Merci de réessayer dans ${Math.max(1, Math.ceil(context.ttl / 1000))} s.`,
      }),
  });
  await registerOpenApi(app, config);
  // Every instance drops its trusted API keys when one is revoked anywhere (LISTEN/NOTIFY, ADR 010).
  const keyChanges = await watchApiKeyChanges(deps.db, app.log);
  app.addHook("onClose", () => keyChanges.close());
  // The composition root: each module's deps built once for this app, with the cross-module reactions
  // between them, shared by its routes and the session resolver.
  const services = buildServices(deps, app.log);
  // Readable from the app (tests call a service directly with the very deps the routes use).
  app.decorate("services", services);
  installAuth(
    app,
    composePrincipalResolver(apiKeyResolver(deps.db.db, deps.clock, keyChanges), sessionResolver(services.accounts)),
  );

  const modules = [
    healthRoutes,
    referentialRoutes,
    companiesRoutes,
    accountsRoutes,
    membershipRoutes,
    offersRoutes,
    cfaMatchingRoutes,
    searchRoutes,
    applicationsRoutes,
    reportsRoutes,
    diffusionRoutes,
    seoRoutes,
    algoCompaniesRoutes,
    alertsRoutes,
    statsRoutes,
    contactRoutes,
  ];
  await app.register(async (scope) => {
    for (const register of modules) register(scope, deps, services);
  });

  // What would have been sent, visible on this machine: never in production, never beside real SMTP.
  if (config.env !== "production" && !config.smtpUrl) devMailboxRoutes(app, deps.db.db);

  await registerWebApp(
    app,
    options.web === false ? "/nonexistent" : (options.webDistDir ?? undefined),
    pageHeadRenderer(deps),
    // Pages are served by the not-found handler, which no route limit reaches: their own counter per
    // address (an offer page reads the database).
    app.rateLimit({
      max: config.rateLimitPerMinute,
      timeWindow: "1 minute",
      keyGenerator: rateLimitKey,
      nameSpace: "pages",
    } as Parameters<typeof app.rateLimit>[0]),
  );
  return app;
}
