import { type ContractType, offerOpcoCertified, type SearchCompany, type SearchOffer } from "@tremplin/core";
import type { ExposedCompanyHit } from "../algo-companies/search-service.js";
import type { NearbyOffer } from "./repository.js";

const km = (metres: number) => Math.round(metres / 100) / 10;

export function presentSearchOffer(o: NearbyOffer, publicUrl: string): SearchOffer {
  return {
    id: o.id,
    title: o.title,
    romeCode: o.rome_code,
    company: {
      name: o.company_name,
      city: o.city,
      postalCode: o.postal_code,
      opcoCertified: offerOpcoCertified({ type: o.account_type, status: o.account_status }),
    },
    lat: o.lat,
    lon: o.lon,
    distanceKm: km(o.distance_m),
    startDate: o.start_date,
    startAsap: o.start_asap,
    contractTypes: o.contract_types as ContractType[],
    diplomaLevel: o.diploma_level,
    publishedAt: new Date(o.published_at).toISOString(),
    url: `${publicUrl}/offres/${o.id}`,
  };
}

export function presentSearchCompany(c: ExposedCompanyHit): SearchCompany {
  return {
    siret: c.siret,
    name: c.name,
    nafLabel: c.nafLabel,
    city: c.city,
    postalCode: c.postalCode,
    lat: c.lat,
    lon: c.lon,
    distanceKm: Math.round(c.distanceKm * 10) / 10,
    score: c.score,
    jobs: c.jobs.map((j) => ({
      romeCode: j.romeCode,
      romeLabel: j.romeLabel,
      score: j.score,
      explanation: j.explanation,
      declared: j.declared,
    })),
  };
}
