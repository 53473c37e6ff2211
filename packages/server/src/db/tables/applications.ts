import type { ApplicationDecision, ApplicationStatus, RefusalReason, ReportReason, ReportStatus } from "@tremplin/core";
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;

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
  abuse_reports: AbuseReportsTable;
}
