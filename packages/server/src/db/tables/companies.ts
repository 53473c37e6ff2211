import type { Generated } from "kysely";

export interface LegalUnitsTable {
  siren: string;
  name: string | null;
  legal_category: string | null;
  updated_at: Generated<Date>;
}

export interface EstablishmentsTable {
  siret: string;
  siren: string;
  name: string | null;
  brand: string | null;
  naf_code: string | null;
  headcount_band: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  insee_code: string | null;
  lat: number | null;
  lon: number | null;
  geo_precision: "address" | "commune" | null;
  admin_state: "A" | "F";
  diffusion: "O" | "P" | "N";
  /** YYYY-MM-DD */
  created_on: string | null;
  updated_at: Generated<Date>;
}

export interface EstablishmentIdccsTable {
  siret: string;
  idcc: number;
  month: string;
  updated_on: Generated<string>;
}

export interface CompanyTables {
  legal_units: LegalUnitsTable;
  establishments: EstablishmentsTable;
  establishment_idccs: EstablishmentIdccsTable;
}
