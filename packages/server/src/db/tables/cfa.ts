import type { CfaAnswer, CfaMatchKind, CfaRequestStatus } from "@tremplin/core";
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type CatalogueSource = "catalogue" | "lba" | "demo";
export type RomeSource = "rncp" | "diploma" | "catalogue" | "domain";

export interface TrainingOrganisationsTable {
  siret: string;
  uai: string | null;
  name: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  insee_code: string | null;
  lat: number | null;
  lon: number | null;
  email: string | null;
  quality_certified: boolean;
  requests_opted_out_at: Timestamp | null;
  source: CatalogueSource;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrainingsTable {
  id: Generated<string>;
  source_key: string;
  source: CatalogueSource;
  organisation_siret: string;
  title: string;
  cfd: string | null;
  rncp_code: string | null;
  diploma_level: number | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  insee_code: string | null;
  lat: number;
  lon: number;
  rome_codes: string[];
  rome_source: RomeSource;
  start_months: ColumnType<string[], string[] | undefined, string[]>;
  imported_at: Timestamp;
}

export interface TrainingRomeKeysTable {
  training_id: string;
  key: string;
  lat: number;
  lon: number;
}

export interface CfaRequestsTable {
  id: Generated<string>;
  offer_id: string;
  cfa_siret: string;
  requested_by_user_id: string | null;
  match: CfaMatchKind;
  distance_km: number;
  trainings: ColumnType<string[], string[] | undefined, string[]>;
  status: CfaRequestStatus;
  answer: CfaAnswer | null;
  answer_message: string | null;
  answered_via: "link" | "space" | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  answered_at: Timestamp | null;
}

export interface CfaMatchingInvitationsTable {
  offer_id: string;
  user_id: string;
  invited_at: Timestamp;
}

export interface CfaTables {
  training_organisations: TrainingOrganisationsTable;
  trainings: TrainingsTable;
  training_rome_keys: TrainingRomeKeysTable;
  cfa_requests: CfaRequestsTable;
  cfa_matching_invitations: CfaMatchingInvitationsTable;
}
