import type { ApiScope, Role } from "@tremplin/core";

/** Who is calling: a signed-in person, a partner's API key, or nobody (null). */
export type Principal =
  | { kind: "session"; sessionId: string; userId: string; role: Role; opcoId: string | null }
  | { kind: "apiKey"; apiKeyId: string; partner: string; scopes: readonly ApiScope[]; ratePerMinute: number };

/** A signed-in person (not a partner's key). */
export type SessionPrincipal = Extract<Principal, { kind: "session" }>;
