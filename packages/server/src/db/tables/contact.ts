import type { ApiKeyRequestStatus, ContactTopic } from "@tremplin/core";
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type LaterTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ContactMessagesTable {
  id: Generated<string>;
  topic: ContactTopic;
  name: string;
  email: string;
  organisation: string | null;
  message: string;
  created_at: Timestamp;
}

export interface ApiKeyRequestsTable {
  id: Generated<string>;
  contact_message_id: string;
  status: Generated<ApiKeyRequestStatus>;
  created_at: Timestamp;
  decided_at: LaterTimestamp;
  decided_by: string | null;
  api_key_id: string | null;
  scopes: Generated<string[]>;
}

export interface ContactTables {
  contact_messages: ContactMessagesTable;
  api_key_requests: ApiKeyRequestsTable;
}
