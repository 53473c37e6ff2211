import type { ColumnType, Generated } from "kysely";

export type AlgoSource = "contracts" | "hires" | "finances";

export interface AlgoImportsTable {
  id: Generated<number>;
  source: AlgoSource;
  file_name: string;
  sha256: string | null;
  status: "loading" | "done";
  records: Generated<number>;
  skipped: Generated<number>;
  rejected: Generated<number>;
  unknown_sirets: Generated<number>;
  /** YYYY-MM-DD */
  first_day: string | null;
  last_day: string | null;
  report: ColumnType<unknown, string | undefined, string>;
  started_at: Date;
  finished_at: Date | null;
}

export interface AlgoEventSetsTable {
  source: "contracts" | "hires";
  siret: string;
  import_id: number;
  part: number;
  event_count: number;
  first_day: string;
  last_day: string;
  events: Uint8Array;
}

export interface AlgoFinancesTable {
  siren: string;
  year: number;
  revenue: number | null;
  net_result: number | null;
  headcount: number | null;
  import_id: number | null;
}

export type AlgoRunKind = "evaluate" | "score";
export type AlgoRunStatus = "running" | "succeeded" | "failed";

export interface AlgoRunsTable {
  id: Generated<number>;
  kind: AlgoRunKind;
  status: AlgoRunStatus;
  trigger: string;
  as_of: string | null;
  parameters: ColumnType<unknown, string | undefined, string>;
  summary: ColumnType<unknown, string | undefined, string>;
  report_json: ColumnType<unknown, string | null | undefined, string | null>;
  report_md: string | null;
  report_svg: string | null;
  error: string | null;
  started_at: Date;
  finished_at: Date | null;
  first_published_at: Date | null;
}

export interface AlgoScoresTable {
  run_id: number;
  siret: string;
  predicted_hires: number;
  score: number;
  exclusion: Generated<number>;
}

/** Predicted vs realised of a scoring run (La Bonne Boîte's measure on the contracts imported since). */
export interface AlgoRunOutcomesTable {
  run_id: number;
  window_start: string;
  window_end: string;
  months: number;
  establishments: number;
  hires: number;
  unscored_hires: number;
  predicted: number;
  report: ColumnType<unknown, string, string>;
  measured_at: Date;
}

export type ExposureSource = "algorithm" | "listing" | "admin";

export interface AlgoExposedTable {
  run_id: number;
  siret: string;
  rome_code: string;
  rome_label: string;
  score: number;
  company_score: number;
  boost: Generated<number>;
  explanation: string;
  source: ExposureSource;
  hidden: Generated<boolean>;
  lat: number;
  lon: number;
  /** The result card, copied from the directory when the row is written (null before migration 0011). */
  company_name: string | null;
  naf_code: string | null;
  naf_label: string | null;
  city: string | null;
  postal_code: string | null;
}

export interface AlgoPublicationTable {
  id: Generated<boolean>;
  active_run_id: number | null;
  previous_run_id: number | null;
  changed_at: Date | null;
  changed_by: string | null;
}

export interface AlgoPublicationEventsTable {
  id: Generated<number>;
  action: "publish" | "rollback";
  run_id: number;
  replaced_run_id: number | null;
  actor: string;
  created_at: Date;
}

export interface AlgoDelistingsTable {
  siret: string;
  reason: string;
  origin: "company" | "admin";
  request_id: string | null;
  created_at: Date;
}

export interface AlgoCompanyOverridesTable {
  siret: string;
  listed: Generated<boolean>;
  boost: Generated<number>;
  contact_first_name: string | null;
  contact_last_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  updated_at: Date;
  updated_by: string;
}

export interface AlgoOverrideRomesTable {
  siret: string;
  rome_code: string;
  rome_label: string;
  action: "add" | "remove";
}

export interface AlgoCompanyEventsTable {
  id: Generated<number>;
  siret: string;
  actor: string;
  action: string;
  details: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Date;
}

export type DelistingStatus = "awaiting_confirmation" | "pending_review" | "done" | "refused";

export interface AlgoDelistingRequestsTable {
  id: Generated<string>;
  siret: string;
  company_name: string | null;
  email: string;
  reason: string;
  status: DelistingStatus;
  token_hash: string | null;
  token_expires_at: Date | null;
  decided_by: string | null;
  decision_reason: string | null;
  decided_at: Date | null;
  created_at: Date;
}

export type ListingStatus = "pending" | "accepted" | "refused";

export interface AlgoListingRequestsTable {
  id: Generated<string>;
  siret: string;
  company_name: string | null;
  opco_id: string | null;
  contact_first_name: string;
  contact_last_name: string;
  contact_email: string;
  contact_phone: string;
  rome_codes: string[];
  message: string | null;
  status: ListingStatus;
  decided_by: string | null;
  decision_reason: string | null;
  decided_at: Date | null;
  created_at: Date;
}

export interface AlgoTables {
  algo_imports: AlgoImportsTable;
  algo_event_sets: AlgoEventSetsTable;
  algo_finances: AlgoFinancesTable;
  algo_runs: AlgoRunsTable;
  algo_scores: AlgoScoresTable;
  algo_run_outcomes: AlgoRunOutcomesTable;
  algo_exposed: AlgoExposedTable;
  algo_publication: AlgoPublicationTable;
  algo_publication_events: AlgoPublicationEventsTable;
  algo_delistings: AlgoDelistingsTable;
  algo_company_overrides: AlgoCompanyOverridesTable;
  algo_override_romes: AlgoOverrideRomesTable;
  algo_company_events: AlgoCompanyEventsTable;
  algo_delisting_requests: AlgoDelistingRequestsTable;
  algo_listing_requests: AlgoListingRequestsTable;
}
