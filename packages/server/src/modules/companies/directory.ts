import type { AdministrativeState, DiffusionStatus } from "@tremplin/core";

/** What the Sirene directory says about an establishment (OPCO and NAF labels are ours, added later). */
export interface DirectoryEstablishment {
  siret: string;
  siren: string;
  name: string | null;
  brand: string | null;
  nafCode: string | null;
  headcountBand: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  inseeCode: string | null;
  lat: number | null;
  lon: number | null;
  adminState: AdministrativeState;
  diffusion: DiffusionStatus;
}

/**
 * Where establishment facts come from: the embedded directory (imported Sirene stock, the default
 * and the offline mode) or the live INSEE Sirene API in front of it. Chosen once from the config.
 */
export interface CompanyDirectory {
  readonly source: "embedded" | "sirene-api";
  /** The establishment, or null when Sirene does not know this SIRET. */
  findBySiret(siret: string): Promise<DirectoryEstablishment | null>;
}
