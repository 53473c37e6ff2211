import type { CompanyDirectory, DirectoryEstablishment } from "./directory.js";
import type { Db } from "./repository.js";
import { findEstablishment } from "./repository.js";

/** The directory imported from the Sirene stock files (import:sirene) or the demo set. */
export function embeddedDirectory(db: Db): CompanyDirectory {
  return {
    source: "embedded",
    async findBySiret(siret: string): Promise<DirectoryEstablishment | null> {
      const row = await findEstablishment(db, siret);
      if (!row) return null;
      return {
        siret: row.siret,
        siren: row.siren,
        name: row.name,
        brand: row.brand,
        nafCode: row.naf_code,
        headcountBand: row.headcount_band,
        street: row.street,
        postalCode: row.postal_code,
        city: row.city,
        inseeCode: row.insee_code,
        lat: row.lat,
        lon: row.lon,
        adminState: row.admin_state,
        diffusion: row.diffusion,
      };
    },
  };
}
