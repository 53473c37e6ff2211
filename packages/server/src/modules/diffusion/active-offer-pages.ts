import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { activeOffersAfter } from "../offers/shared-service.js";

/**
 * Active offers in id order, a page at a time, from after `after` and `max` offers at most: the one
 * loop the sitemaps, the XML feed and the NDJSON export read the whole catalogue with (constant
 * memory, one indexed range scan per page, no OFFSET).
 */
export async function* activeOfferPages(
  db: Kysely<Database>,
  options: { after?: string | null; max?: number; pageSize?: number } = {},
) {
  const pageSize = options.pageSize ?? 1000;
  let after = options.after ?? null;
  let left = options.max ?? Number.POSITIVE_INFINITY;
  while (left > 0) {
    const rows = await activeOffersAfter(db, after, Math.min(pageSize, left));
    if (rows.length === 0) return;
    yield rows;
    left -= rows.length;
    after = rows[rows.length - 1]?.id ?? null;
  }
}
