import { z } from "zod";
import { defineRoute } from "./define.js";

export const healthCheck = defineRoute({
  method: "GET",
  path: "/healthz",
  summary: "État du service (vérifie la base de données)",
  tags: ["Exploitation"],
  auth: "public",
  noRateLimit: true,
  responses: {
    200: z.object({
      status: z.literal("ok"),
      database: z.object({ engine: z.enum(["pglite", "postgres"]), latencyMs: z.number() }),
      version: z.string(),
    }),
  },
});
