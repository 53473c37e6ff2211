import type { ApiScope } from "@tremplin/core";
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type OfferEventName = "offer.published" | "offer.updated" | "offer.closed";

export interface ApiKeysTable {
  id: Generated<string>;
  name: string;
  key_hash: string;
  key_prefix: string;
  scopes: ApiScope[];
  rate_per_minute: number;
  created_at: Generated<Date>;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface OfferEventsTable {
  id: Generated<number>;
  offer_id: string;
  event: OfferEventName;
  status: string;
  created_at: Generated<Date>;
}

export interface WebhooksTable {
  id: Generated<string>;
  api_key_id: string;
  url: string;
  events: OfferEventName[];
  /** Shared with the partner to verify X-Tremplin-Signature (HMAC-SHA256). */
  secret: string;
  created_at: Generated<Date>;
  disabled_at: Timestamp | null;
}

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  webhook_id: string;
  offer_event_id: number;
  event: OfferEventName;
  payload: ColumnType<unknown, string, string>;
  status: Generated<"pending" | "sending" | "delivered" | "failed">;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  claimed_until: Timestamp | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
}

export interface WebhookCursorsTable {
  name: string;
  last_event_id: number;
}

export interface DiffusionTables {
  api_keys: ApiKeysTable;
  offer_events: OfferEventsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_cursors: WebhookCursorsTable;
}
