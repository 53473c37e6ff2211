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
  /** Verified identity (migration 0012, ADR 009): null while only the email is confirmed. */
  verified_at: Timestamp | null;
  verification_method: VerificationMethod | null;
  verified_by: string | null;
}

export type VerificationMethod =
  | "opco_contact"
  | "catalogue_contact"
  | "algo_contact"
  | "verified_domain"
  | "opco_certification"
  | "admin"
  | "member"
  | "invitation";

export interface OpcoContactsTable {
  siret: string;
  email: string;
  imported_at: Timestamp;
  source_file: string;
}

/** An address a verified member vouched for: verified at once when it confirms on that SIRET. */
export interface MembershipInvitationsTable {
  id: Generated<string>;
  siret: string;
  type: AccountType;
  email: string;
  invited_by_account_id: string;
  invited_by_label: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface IntermediaryReportsTable {
  id: Generated<string>;
  offer_id: string;
  intermediary_user_id: string | null;
  intermediary_email: string;
  company_contact_email: string;
  same_domain: boolean;
  status: Generated<"open" | "cleared" | "confirmed">;
  decided_by: string | null;
  decision_reason: string | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
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
  opco_contacts: OpcoContactsTable;
  intermediary_reports: IntermediaryReportsTable;
  membership_invitations: MembershipInvitationsTable;
}
