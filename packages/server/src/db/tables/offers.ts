import type { ContractType, OfferCloseReason, OfferStatus } from "@tremplin/core";
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface StoredSkill {
  code: string;
  label: string;
  kind: "savoirFaire" | "savoirEtre" | "savoirs";
}

export interface OffersTable {
  id: Generated<string>;
  owner_user_id: string | null;
  account_id: string | null;
  intermediary_kind: "cfa" | "opco" | "chamber" | null;
  intermediary_name: string | null;
  intermediary_user_id: string | null;
  api_key_id: string | null;
  external_id: string | null;
  siret: string;
  company_name: string;
  company_description: string | null;
  contact_first_name: string;
  contact_last_name: string;
  contact_email: string;
  contact_phone: string | null;
  appellation_code: string;
  appellation_label: string;
  rome_code: string;
  rome_label: string;
  rome_version: string;
  title: string;
  description: string;
  access: string;
  skills: ColumnType<StoredSkill[], string, string>;
  /** YYYY-MM-DD */
  start_date: string | null;
  start_asap: boolean;
  contract_types: ContractType[];
  diploma_level: number | null;
  duration_months: number;
  positions: number;
  rhythm: string | null;
  disability_friendly: boolean;
  lat: number | null;
  lon: number | null;
  city: string | null;
  postal_code: string | null;
  insee_code: string | null;
  naf_label: string | null;
  status: OfferStatus;
  expiry_cycle: Generated<number>;
  published_at: Timestamp | null;
  expires_at: Timestamp | null;
  closed_at: Timestamp | null;
  views: Generated<number>;
  applications_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Why the offer was closed (migration 0015), and the application hired through Tremplin. */
  close_reason: Generated<OfferCloseReason | null>;
  hired_application_id: Generated<string | null>;
}

export interface OfferTables {
  offers: OffersTable;
}
