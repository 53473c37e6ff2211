import { compactIdentifier, diplomaLevelFromText, isValidSiret, nsfGroupOfCfd } from "@tremplin/core";
import type { CatalogueSource, RomeSource } from "../../db/tables/cfa.js";
import { readSourceFields, type SourceFields } from "./fields.js";
import type { CatalogueReferences } from "./references.js";

export interface MappedOrganisation {
  siret: string;
  uai: string | null;
  name: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  inseeCode: string | null;
  lat: number | null;
  lon: number | null;
  email: string | null;
  qualityCertified: boolean | null;
}

export interface MappedTraining {
  sourceKey: string;
  source: CatalogueSource;
  title: string;
  cfd: string | null;
  rncpCode: string | null;
  diplomaLevel: number | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  inseeCode: string | null;
  lat: number;
  lon: number;
  romeCodes: string[];
  romeSource: RomeSource;
  startMonths: string[];
}

export type MapResult =
  | { organisation: MappedOrganisation; training: MappedTraining }
  | { reject: string; key: string };

export const rejectReasons = {
  invalidJson: "enregistrement JSON invalide",
  notObject: "enregistrement qui n'est pas un objet JSON",
  noKey: "identifiant de formation absent (cle_ministere_educatif, id_formation + id_action, ou id)",
  siret: "SIRET de l'organisme formateur absent ou invalide",
  noPlace: "lieu de formation sans position (ni coordonnées, ni code commune connu)",
  noTitle: "intitulé absent et diplôme inconnu (ni CFD, ni RNCP du référentiel)",
  noRome: "aucun code ROME : ni lien RNCP → ROME, ni code du catalogue, ni domaine de diplôme connu",
} as const;

const PLACEHOLDER_EMAIL = /(no-?reply|ne-?pas-?repondre|nepasrepondre)@/i;
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[a-z]{2,}$/i;

/** The first address that can receive a request: the catalogue's "no-reply" placeholders are not. */
export function contactEmail(candidates: Array<string | null>): string | null {
  for (const c of candidates) {
    const email = c?.trim().toLowerCase();
    if (email && EMAIL.test(email) && !PLACEHOLDER_EMAIL.test(email)) return email;
  }
  return null;
}

const cfdOf = (value: string | null) => {
  const cfd = value?.toUpperCase() ?? null;
  return cfd && /^[0-9A-Z]{8}$/.test(cfd) ? cfd : null;
};

const rncpOf = (value: string | null) => {
  const code = value?.toUpperCase().replace(/\s/g, "") ?? null;
  if (!code) return null;
  if (/^RNCP\d+$/.test(code)) return code;
  return /^\d+$/.test(code) ? `RNCP${code}` : null;
};

/** "2021-09", "2026-09-01T00:00:00.000Z" → "2021-09"; sorted, without repeats. */
function startMonths(periods: string[]): string[] {
  const months = new Set(periods.flatMap((p) => /^(\d{4}-\d{2})/.exec(p)?.[1] ?? []));
  return [...months].sort().slice(0, 36);
}

/**
 * The ROME codes of a training, from the best source available: its RNCP code's links, then those
 * of its diploma's RNCP code (the CFD's), then the codes the catalogue gives, then the usual codes of
 * its diploma's domain (NSF group of the CFD).
 */
export function romesOf(
  refs: CatalogueReferences,
  rncpCode: string | null,
  cfd: string | null,
  sourceCodes: string[],
): { codes: string[]; source: RomeSource } | null {
  const fromRncp = rncpCode ? refs.romesOfRncp(rncpCode) : undefined;
  if (fromRncp?.length) return { codes: [...fromRncp], source: "rncp" };
  const diplomaRncp = cfd ? refs.diploma(cfd)?.rncpCode : null;
  const fromDiploma = diplomaRncp ? refs.romesOfRncp(diplomaRncp) : undefined;
  if (fromDiploma?.length) return { codes: [...fromDiploma], source: "diploma" };
  const given = [...new Set(sourceCodes.map((c) => c.toUpperCase()).filter((c) => /^[A-N]\d{4}$/.test(c)))];
  if (given.length > 0) return { codes: given, source: "catalogue" };
  const group = nsfGroupOfCfd(cfd);
  const fromDomain = group ? refs.romesOfNsfGroup(group) : undefined;
  if (fromDomain?.length) return { codes: [...fromDomain], source: "domain" };
  return null;
}

function mapFields(f: SourceFields, refs: CatalogueReferences): MapResult {
  if (!f.sourceKey) return { reject: rejectReasons.noKey, key: "" };
  const key = `${f.source}:${f.sourceKey}`;
  const siret = f.organisation.siret ? compactIdentifier(f.organisation.siret) : null;
  if (!siret || !isValidSiret(siret)) return { reject: rejectReasons.siret, key };

  const cfd = cfdOf(f.cfd);
  const rncpCode = rncpOf(f.rncpCode);
  const diploma = (cfd ? refs.diploma(cfd) : undefined) ?? (rncpCode ? refs.diplomaByRncp(rncpCode) : undefined);
  const title = f.title ?? diploma?.label ?? null;
  if (!title) return { reject: rejectReasons.noTitle, key };

  const placeCommune = f.place.inseeCode ? refs.commune(f.place.inseeCode) : undefined;
  const geo = f.place.geo ?? (placeCommune ? ([placeCommune.lat, placeCommune.lon] as [number, number]) : null);
  if (!geo) return { reject: rejectReasons.noPlace, key };

  const romes = romesOf(refs, rncpCode, cfd, f.romeCodes);
  if (!romes) return { reject: rejectReasons.noRome, key };

  const o = f.organisation;
  const orgCommune = o.inseeCode ? refs.commune(o.inseeCode) : undefined;
  const orgGeo = o.geo ?? (orgCommune ? ([orgCommune.lat, orgCommune.lon] as [number, number]) : null);
  return {
    organisation: {
      siret,
      uai: o.uai?.toUpperCase() ?? null,
      name: o.name,
      street: o.street,
      postalCode: o.postalCode ?? orgCommune?.postalCode ?? null,
      city: o.city ?? orgCommune?.name ?? null,
      inseeCode: o.inseeCode,
      lat: orgGeo?.[0] ?? null,
      lon: orgGeo?.[1] ?? null,
      email: contactEmail(o.emails),
      qualityCertified: o.qualityCertified,
    },
    training: {
      sourceKey: key,
      source: f.source,
      title: title.replace(/\s+/g, " "),
      cfd,
      rncpCode,
      diplomaLevel: diplomaLevelFromText(f.level) ?? diploma?.level ?? null,
      street: f.place.street,
      postalCode: f.place.postalCode ?? placeCommune?.postalCode ?? null,
      city: f.place.city ?? placeCommune?.name ?? null,
      inseeCode: f.place.inseeCode,
      lat: geo[0],
      lon: geo[1],
      romeCodes: romes.codes,
      romeSource: romes.source,
      startMonths: startMonths(f.periods),
    },
  };
}

/** One catalogue record (either shape) → an organisation and a training, or the reason it is rejected. */
export function mapCatalogueRecord(record: unknown, refs: CatalogueReferences): MapResult {
  const fields = readSourceFields(record);
  if (!fields) return { reject: rejectReasons.notObject, key: "" };
  return mapFields(fields, refs);
}
