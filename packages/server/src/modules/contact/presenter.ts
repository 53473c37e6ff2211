import { type ApiKeyRequest, type ApiScope, displayName } from "@tremplin/core";
import type { KeyRequestRow } from "./repository.js";

const iso = (d: Date | string) => new Date(d).toISOString();

export function presentKeyRequest(row: KeyRequestRow): ApiKeyRequest {
  return {
    id: row.id,
    status: row.status,
    organisation: displayName(row.organisation ?? ""),
    name: row.name,
    email: row.email,
    message: row.message,
    createdAt: iso(row.created_at),
    decidedAt: row.decided_at ? iso(row.decided_at) : null,
    keyName: row.key_name ?? null,
    scopes: row.scopes as ApiScope[],
  };
}
