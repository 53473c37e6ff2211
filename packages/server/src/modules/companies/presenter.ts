import { type Company, displayAddress, displayName, isTrainingOrganisationNaf } from "@tremplin/core";
import type { DirectoryEstablishment } from "./directory.js";

/** Establishment facts + our extras → the public Company shape (columns never leak). */
export function presentCompany(
  e: DirectoryEstablishment,
  extras: { nafLabel: string | null; idcc: number | null; opcoName: string | null },
): Company {
  return {
    siret: e.siret,
    siren: e.siren,
    // Sirene may lack a name (legal unit not imported, or masked): the brand is the next best thing.
    name: e.name ?? e.brand ?? "Dénomination non renseignée",
    brand: e.brand,
    nafCode: e.nafCode,
    nafLabel: extras.nafLabel,
    headcountBand: e.headcountBand,
    // Sirene writes addresses in capitals (« 1 AVENUE DE LA DEMO »): shown as French writes them.
    address: {
      street: displayAddress(e.street),
      postalCode: e.postalCode,
      city: displayName(e.city),
      inseeCode: e.inseeCode,
    },
    lat: e.lat,
    lon: e.lon,
    opco: extras.opcoName,
    idcc: extras.idcc,
    trainingOrganisation: isTrainingOrganisationNaf(e.nafCode),
  };
}
