import type { z } from "zod";

/**
 * People who sign in. A session carries exactly one role. A candidate is anyone who applied or
 * created an alert: no password, no organisation, only their own applications and alerts.
 */
export const roles = ["recruiter", "cfa", "opco", "chamber", "admin", "candidate"] as const;
export type Role = (typeof roles)[number];

/** What a partner API key may do. */
export const apiScopes = ["offers:read", "offers:write", "applications:write"] as const;
export type ApiScope = (typeof apiScopes)[number];

/**
 * Who may call a route. Declared once in the contract; one server hook enforces it.
 * - "public": anyone (an API key, when sent, only raises the rate limit).
 * - roles: a signed-in person with one of these roles.
 * - scopes: a partner API key holding one of these scopes.
 * A route may accept both a session role and an API key scope.
 */
export type RouteAuth = "public" | { roles?: readonly Role[]; scopes?: readonly ApiScope[] };

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RouteContract {
  method: HttpMethod;
  /** Fastify-style path, `:name` for parameters. */
  path: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  auth: RouteAuth;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Success status first; error statuses are documented by the shared error schema. */
  responses: Partial<Record<200 | 201 | 202 | 204 | 304, z.ZodType>>;
  /** Per-route rate limit (requests per minute per client), when stricter than the default. */
  rateLimitPerMinute?: number;
  /** Outside every rate limit: probes (a load balancer polls /healthz from one address). */
  noRateLimit?: true;
  /** Hide from the public OpenAPI document (internal UI routes). */
  hidden?: boolean;
}

/** Declares a route contract; `const` keeps literal types so clients and servers infer exact shapes. */
export function defineRoute<const C extends RouteContract>(contract: C): C {
  return contract;
}

type SuccessKey<C extends RouteContract> = Extract<keyof C["responses"], 200 | 201 | 202 | 204>;

/** The parsed response body of the route's success status. */
export type RouteOutput<C extends RouteContract> = C["responses"][SuccessKey<C>] extends z.ZodType
  ? z.output<C["responses"][SuccessKey<C>]>
  : undefined;

type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;
type ParsedOf<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a caller sends (before parsing). */
export interface RouteInput<C extends RouteContract> {
  params: InputOf<C["params"]>;
  query: InputOf<C["query"]>;
  body: InputOf<C["body"]>;
}

/** What a handler receives (after parsing). */
export interface ParsedRouteInput<C extends RouteContract> {
  params: ParsedOf<C["params"]>;
  query: ParsedOf<C["query"]>;
  body: ParsedOf<C["body"]>;
}

/** Fills `:name` placeholders of a contract path. */
export function buildPath(path: string, params: Record<string, string | number> | undefined): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

/** The success status of a contract (the first declared 2xx). */
export function successStatus(contract: RouteContract): number {
  const statuses = Object.keys(contract.responses)
    .map(Number)
    .filter((s) => s >= 200 && s < 300)
    .sort((a, b) => a - b);
  return statuses[0] ?? 200;
}
