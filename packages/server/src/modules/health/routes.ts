import { contracts } from "@tremplin/core";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { pingDatabase } from "../../db/ping.js";
import { registerRoute } from "../../http/register-route.js";
import { AppError } from "../../lib/app-error.js";
import { appVersion } from "../../lib/version.js";

export function healthRoutes(app: FastifyInstance, { db }: AppDeps): void {
  registerRoute(app, contracts.health.healthCheck, async (_input, { request }) => {
    const started = performance.now();
    try {
      await pingDatabase(db.db);
    } catch (error) {
      request.log.error({ err: error }, "health check: database unreachable");
      throw new AppError("SERVICE_UNAVAILABLE", { message: "La base de données ne répond pas." });
    }
    return {
      status: "ok" as const,
      database: { engine: db.engine, latencyMs: Math.round((performance.now() - started) * 10) / 10 },
      version: appVersion,
    };
  });
}
