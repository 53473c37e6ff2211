import type { ApplicationDecision, ApplicationStatus, RefusalReason, ReportReason, ReportStatus } from "@tremplin/core";
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A nullable timestamp that inserts may leave out. */
type LaterTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** Who receives an application, and how that was decided (see applications/target.ts). */
export type RecipientSource = "offer_manager" | "company_account" | "offer_contact" | "exposed_company";

export interface ApplicationsTable {
  id: Generated<string>;
  target_kind: "offer" | "company";
  offer_id: string | null;
  /** The offer's expiry cycle when applied: the OFFER_MAX_APPLICATIONS cap counts per cycle. */
  offer_cycle: number | null;
  siret: string;
  company_name: string;
  offer_title: string | null;
  recipient_email: string | null;
  recipient_source: RecipientSource;
  recipient_user_id: string | null;
  /** Personal data: null once anonymised (applications:anonymise). */
  candidate_first_name: string | null;
  candidate_last_name: string | null;
  candidate_email: string | null;
  candidate_phone: string | null;
  message: string | null;
  cv_file_name: string | null;
  cv_content_type: string | null;
  cv_size: number | null;
  source: "tremplin" | "partner";
  partner_name: string | null;
  api_key_id: string | null;
  status: Generated<ApplicationStatus>;
  refusal_reason: RefusalReason | null;
  answer_message: string | null;
  answered_at: Timestamp | null;
  answered_via: "link" | "space" | null;
  recruiter_email_id: string | null;
  created_at: Timestamp;
  anonymised_at: Timestamp | null;
  /** Migration 0015: the recruiter's private note (never shown to the candidate). */
  recruiter_note: Generated<string | null>;
  /** The first real answer (interview, refused, hired): answer rates are measured from it. */
  first_decision_at: LaterTimestamp;
  withdrawn_at: LaterTimestamp;
  /** « J'ai signé un contrat », declared by the candidate. */
  contract_signed_at: LaterTimestamp;
}

/** The CV kept for the recruiter's inbox, encrypted (AES-256-GCM), until delete_after. */
export interface ApplicationCvsTable {
  application_id: string;
  file_name: string;
  content_type: string;
  iv: Uint8Array;
  auth_tag: Uint8Array;
  ciphertext: Uint8Array;
  created_at: Timestamp;
  delete_after: Timestamp;
}

export interface AbuseReportsTable {
  id: Generated<string>;
  target_kind: "offer" | "company";
  offer_id: string | null;
  siret: string;
  reason: ReportReason;
  message: string | null;
  status: Generated<ReportStatus>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  created_at: Timestamp;
}

export type { ApplicationDecision };

export interface ApplicationTables {
  applications: ApplicationsTable;
  application_cvs: ApplicationCvsTable;
  abuse_reports: AbuseReportsTable;
}
