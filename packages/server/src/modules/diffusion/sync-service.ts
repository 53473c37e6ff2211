import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { createGzip } from "node:zlib";
import type { PublicOffer } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { AppError } from "../../lib/app-error.js";
import { presentPublicOffer } from "../offers/presenter.js";
import { offersChangedAfter } from "../offers/shared-service.js";
import { activeOfferPages } from "./active-offer-pages.js";
import * as repo from "./sync-repository.js";

const encode = (at: Date, id: string) =>
  Buffer.from(JSON.stringify({ t: at.toISOString(), i: id })).toString("base64url");

function decode(cursor: string): { at: Date; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { t?: string; i?: string };
    const at = new Date(v.t ?? "");
    // Only dates PostgreSQL can compare and real UUIDs: a forged cursor is a 400, never a SQL error.
    const year = at.getUTCFullYear();
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (year >= 1970 && year <= 9999 && typeof v.i === "string" && uuid.test(v.i)) return { at, id: v.i };
  } catch {}
  throw new AppError("CURSOR_INVALID");
}

/** Incremental sync: offers changed since a date, closed ones included, cursor-paginated without gaps. */
export async function listOffersSince(
  db: Kysely<Database>,
  publicUrl: string,
  query: { updatedSince?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: PublicOffer[]; nextCursor: string | null }> {
  const after = query.cursor ? decode(query.cursor) : null;
  const since = query.updatedSince ? new Date(query.updatedSince) : null;
  const rows = await offersChangedAfter(db, after, since, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((o) => presentPublicOffer(o, publicUrl)),
    nextCursor: rows.length > query.limit && last ? encode(new Date(last.updated_at), last.id) : null,
  };
}

/** The ETag of the current export. */
export async function exportEtag(db: Kysely<Database>): Promise<string> {
  return `"${createHash("sha256")
    .update(await repo.activeOffersFingerprint(db))
    .digest("hex")
    .slice(0, 32)}"`;
}

/** Every active offer as NDJSON, gzip-compressed, streamed page by page (constant memory). */
export function exportStream(db: Kysely<Database>, publicUrl: string): Readable {
  async function* lines() {
    for await (const rows of activeOfferPages(db)) {
      yield `${rows.map((o) => JSON.stringify(presentPublicOffer(o, publicUrl))).join("\n")}\n`;
    }
  }
  return Readable.from(lines()).pipe(createGzip());
}
