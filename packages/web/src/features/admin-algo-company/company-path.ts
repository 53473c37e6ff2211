import { compactIdentifier } from "@tremplin/core";

/** The admin page of one exposed company (SIRET without spaces, as the API and links write it). */
export function companyPath(siret: string): string {
  return `/admin/algorithme/entreprises/${compactIdentifier(siret)}`;
}
