import type { Role } from "@tremplin/core";
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type AccountStatus = "pending_confirmation" | "active" | "certified" | "rejected" | "disabled";
export type AccountType = "company" | "cfa";

export interface UsersTable {
  id: Generated<string>;
  email: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  role: Role;
  opco_id: string | null;
  email_confirmed_at: Timestamp | null;
  disabled_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface AccountsTable {
  id: Generated<string>;
  user_id: string;
  type: AccountType;
  siret: string;
  company_name: string;
  status: AccountStatus;
  opco_id: string | null;
  opco_source: "idcc" | "declared" | "admin" | null;
  rejection_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  confirmed_at: Timestamp | null;
  certified_at: Timestamp | null;
}

export interface AccountEventsTable {
  id: Generated<number>;
  account_id: string;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  details: unknown | null;
  created_at: Generated<Date>;
}

export interface MagicLinksTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  purpose: "sign_in" | "confirm_email";
  redirect_to: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  user_agent: string | null;
  ip: string | null;
}

export interface AccountTables {
  users: UsersTable;
  accounts: AccountsTable;
  account_events: AccountEventsTable;
  magic_links: MagicLinksTable;
  sessions: SessionsTable;
}
