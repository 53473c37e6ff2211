/**
 * The search lives in the address (?metier=…&lieu=…), so that a search can be shared, bookmarked,
 * and the browser's back button returns to the previous one. The names are French because people
 * see and share these addresses; each carries what the API needs and what the fields show again.
 */
import { withPreposition } from "@tremplin/core";

export const searchViews = ["offres", "formations"] as const;
export type SearchView = (typeof searchViews)[number];

export const radiusChoices = [10, 30, 60, 100, 200] as const;
export const DEFAULT_RADIUS = 30;

export interface SearchJob {
  /** OGR code of the ROME appellation (what /jobs/search takes). */
  appellationCode: string;
  /** Its ROME code (what /formations/search takes). */
  romeCode: string;
  label: string;
}

/** The place's label when it is the candidate's own position (the API has no reverse geocoding). */
export const MY_POSITION_LABEL = "Autour de ma position";

export interface SearchPlace {
  label: string;
  latitude: number;
  longitude: number;
}

export interface SearchState {
  job: SearchJob | null;
  place: SearchPlace | null;
  radius: number;
  diplomaLevel: number | null;
  view: SearchView;
}

export const emptySearch: SearchState = {
  job: null,
  place: null,
  radius: DEFAULT_RADIUS,
  diplomaLevel: null,
  view: "offres",
};

const keys = {
  appellation: "metier",
  rome: "rome",
  jobLabel: "intitule",
  placeLabel: "lieu",
  latitude: "lat",
  longitude: "lon",
  radius: "rayon",
  diploma: "niveau",
  view: "vue",
} as const;

function readJob(params: URLSearchParams): SearchJob | null {
  const appellationCode = params.get(keys.appellation) ?? "";
  const romeCode = (params.get(keys.rome) ?? "").toUpperCase();
  const label = params.get(keys.jobLabel)?.trim() ?? "";
  if (!/^\d{1,8}$/.test(appellationCode) || !/^[A-N]\d{4}$/.test(romeCode)) return null;
  return { appellationCode, romeCode, label: label || "Métier choisi" };
}

function readCoordinate(text: string | null, limit: number): number | null {
  if (text === null || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}

function readPlace(params: URLSearchParams): SearchPlace | null {
  const latitude = readCoordinate(params.get(keys.latitude), 90);
  const longitude = readCoordinate(params.get(keys.longitude), 180);
  if (latitude === null || longitude === null) return null;
  return { label: params.get(keys.placeLabel)?.trim() || "Lieu choisi", latitude, longitude };
}

/** A radius someone typed in the address is brought back to the nearest choice the form offers. */
function readRadius(text: string | null): number {
  const value = Number(text);
  if (!text || !Number.isFinite(value)) return DEFAULT_RADIUS;
  return radiusChoices.reduce((best, choice) => (Math.abs(choice - value) < Math.abs(best - value) ? choice : best));
}

function readDiplomaLevel(text: string | null): number | null {
  const value = Number(text);
  return text && Number.isInteger(value) && value >= 3 && value <= 7 ? value : null;
}

/** Reads a search from the address; anything missing or malformed falls back to « not chosen ». */
export function parseSearchParams(params: URLSearchParams): SearchState {
  const view = params.get(keys.view);
  return {
    job: readJob(params),
    place: readPlace(params),
    radius: readRadius(params.get(keys.radius)),
    diplomaLevel: readDiplomaLevel(params.get(keys.diploma)),
    view: searchViews.includes(view as SearchView) ? (view as SearchView) : "offres",
  };
}

// Five decimals are about a metre: enough for a commune's centre, and short addresses.
const coordinate = (value: number) => String(Math.round(value * 100_000) / 100_000);

/** Writes a search into the address; defaults are left out to keep shared links short. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.job) {
    params.set(keys.appellation, state.job.appellationCode);
    params.set(keys.rome, state.job.romeCode);
    params.set(keys.jobLabel, state.job.label);
  }
  if (state.place) {
    params.set(keys.placeLabel, state.place.label);
    params.set(keys.latitude, coordinate(state.place.latitude));
    params.set(keys.longitude, coordinate(state.place.longitude));
  }
  if (state.radius !== DEFAULT_RADIUS) params.set(keys.radius, String(state.radius));
  if (state.diplomaLevel !== null) params.set(keys.diploma, String(state.diplomaLevel));
  if (state.view !== "offres") params.set(keys.view, state.view);
  return params;
}

/** The address of a search, e.g. for a link from the home page (« /recherche?metier=… »). */
export function searchPath(state: Partial<SearchState>): string {
  const query = toSearchParams({ ...emptySearch, ...state }).toString();
  return query ? `/recherche?${query}` : "/recherche";
}

/** A search can run once both a job and a place are chosen. */
export function isSearchReady(state: SearchState): state is SearchState & { job: SearchJob; place: SearchPlace } {
  return state.job !== null && state.place !== null;
}

/** The place as a sentence ends: « Lyon (69) », or « votre position » for the candidate's own. */
export function placeInSentence(place: SearchPlace): string {
  return place.label === MY_POSITION_LABEL ? "votre position" : place.label;
}

/** « de Lyon (69) », « d'Aurillac (15) », « du Havre (76) », « de votre position »: after « autour » or « km ». */
export function fromPlace(place: SearchPlace): string {
  return withPreposition("de", placeInSentence(place));
}
