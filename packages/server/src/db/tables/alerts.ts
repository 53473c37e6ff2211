import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface AlertsTable {
  id: Generated<string>;
  email: string;
  romes: string[];
  appellation_code: string | null;
  job_label: string;
  place_label: string;
  lat: number;
  lon: number;
  radius_km: number;
  diploma_level: number | null;
  created_at: Timestamp;
  confirmed_at: Timestamp | null;
}

/** One row per confirmed alert and ROME fiche; `area` is the alert's circle as an earth_box (cube). */
export interface AlertFichesTable {
  alert_id: string;
  rome_code: string;
  lat: number;
  lon: number;
  radius_m: number;
  area: unknown;
}

export interface AlertDeliveriesTable {
  email: string;
  offer_id: string;
  alert_id: string;
  sent_at: Timestamp;
}

export interface AlertRunsTable {
  as_of: Timestamp;
  alerts_mailed: number;
  offers_mailed: number;
  finished_at: Timestamp;
}

export interface AlertMatchesTable {
  alert_id: string;
  email: string;
  offer_id: string;
  distance_m: number;
}

export interface OfferDailyStatsTable {
  offer_id: string;
  /** YYYY-MM-DD, Paris day */
  day: string;
  impressions: Generated<number>;
  views: Generated<number>;
  apply_clicks: Generated<number>;
}

export interface AlertTables {
  alerts: AlertsTable;
  alert_fiches: AlertFichesTable;
  alert_deliveries: AlertDeliveriesTable;
  alert_runs: AlertRunsTable;
  alert_matches: AlertMatchesTable;
  offer_daily_stats: OfferDailyStatsTable;
}
