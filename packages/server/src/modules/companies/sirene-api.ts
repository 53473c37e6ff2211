import type { CompanyDirectory, DirectoryEstablishment } from "./directory.js";
import { mapEstablishment } from "./sirene/establishment-mapper.js";
import { legalUnitName } from "./sirene/legal-unit-mapper.js";
import type { StockRow } from "./sirene/stock-row.js";

export interface SireneApiOptions {
  /** Base URL, e.g. https://api.insee.fr/api-sirene/3.11 */
  baseUrl: string;
  /** Integration key of the INSEE API portal, sent as X-INSEE-Api-Key-Integration. */
  apiKey: string;
  /** Per attempt (default 3 s): a person is waiting behind a form. */
  timeoutMs?: number;
  /** Retries on network errors, 429 and 5xx (default 2). */
  retries?: number;
  /** How long answers (found or unknown) are reused (default 10 min), and how many (default 5 000). */
  cacheTtlMs?: number;
  cacheSize?: number;
  /** Where to look when the API fails: the embedded directory. */
  fallback: CompanyDirectory;
  /** Told when the API failed and the fallback answered. */
  onFallback?: (siret: string, error: unknown) => void;
  now?: () => number;
}

type Json = Record<string, unknown>;

/** A StockRow over JSON objects: the API uses the stock file's own variable names. */
function rowOf(...objects: Array<Json | undefined>): StockRow {
  const merged: Json = Object.assign({}, ...objects.filter(Boolean));
  return {
    line: 0,
    get: (column) => {
      const v = merged[column];
      return v === null || v === undefined ? "" : String(v);
    },
  };
}

/**
 * Maps `GET /siret/{siret}` (API Sirene 3.11: `{ header, etablissement: { …, uniteLegale,
 * adresseEtablissement, periodesEtablissement: [current first] } }`) with the importer's own
 * mapper, so that the API and the stock file give the same fields.
 */
export function mapSireneApiEstablishment(body: unknown): DirectoryEstablishment | null {
  const etab = (body as { etablissement?: Json }).etablissement;
  if (!etab) return null;
  const periods = (etab.periodesEtablissement as Json[] | undefined) ?? [];
  const current = periods.find((p) => p.dateFin === null || p.dateFin === undefined) ?? periods[0];
  const unit = etab.uniteLegale as Json | undefined;
  const mapped = mapEstablishment(rowOf(etab, etab.adresseEtablissement as Json | undefined, current));
  if ("reject" in mapped) return null;
  const r = mapped.record;
  return {
    siret: r.siret,
    siren: r.siren,
    name: unit ? legalUnitName(rowOf(unit)) : null,
    brand: r.brand,
    nafCode: r.nafCode,
    headcountBand: r.headcountBand,
    street: r.street,
    postalCode: r.postalCode,
    city: r.city,
    inseeCode: r.inseeCode,
    lat: r.lat,
    lon: r.lon,
    adminState: r.adminState,
    diffusion: r.diffusion,
  };
}

class RetryableError extends Error {}

/**
 * The live INSEE Sirene API, in front of the embedded directory: timeout per attempt, retries with
 * backoff on transient failures, an in-memory cache, and the embedded directory whenever the API
 * cannot answer (outage, quota, bad key) — the form must keep working.
 */
export function sireneApiDirectory(options: SireneApiOptions): CompanyDirectory {
  const timeoutMs = options.timeoutMs ?? 3_000;
  const retries = options.retries ?? 2;
  const ttl = options.cacheTtlMs ?? 600_000;
  const maxEntries = options.cacheSize ?? 5_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; value: DirectoryEstablishment | null }>();
  const base = options.baseUrl.replace(/\/+$/, "");

  async function fetchOnce(siret: string): Promise<DirectoryEstablishment | null> {
    const response = await fetch(`${base}/siret/${siret}`, {
      headers: { accept: "application/json", "X-INSEE-Api-Key-Integration": options.apiKey },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status === 404) return null;
    // 403: the establishment exists but its owner refused diffusion; the API says no more.
    if (response.status === 403) return nonDiffusible(siret);
    if (response.status === 429 || response.status >= 500) throw new RetryableError(`Sirene ${response.status}`);
    if (!response.ok) throw new Error(`Sirene ${response.status}`);
    return mapSireneApiEstablishment(await response.json());
  }

  async function fetchWithRetries(siret: string): Promise<DirectoryEstablishment | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fetchOnce(siret);
      } catch (error) {
        const transient =
          error instanceof RetryableError || (error as Error).name === "TimeoutError" || error instanceof TypeError;
        if (!transient || attempt >= retries) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * 3 ** attempt));
      }
    }
  }

  return {
    source: "sirene-api",
    async findBySiret(siret) {
      const hit = cache.get(siret);
      if (hit && now() - hit.at < ttl) return hit.value;
      try {
        const value = await fetchWithRetries(siret);
        if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
        cache.set(siret, { at: now(), value });
        return value;
      } catch (error) {
        options.onFallback?.(siret, error);
        return options.fallback.findBySiret(siret);
      }
    },
  };
}

function nonDiffusible(siret: string): DirectoryEstablishment {
  return {
    siret,
    siren: siret.slice(0, 9),
    name: null,
    brand: null,
    nafCode: null,
    headcountBand: null,
    street: null,
    postalCode: null,
    city: null,
    inseeCode: null,
    lat: null,
    lon: null,
    adminState: "A",
    diffusion: "N",
  };
}
