import type { JobAlert } from "@tremplin/core";
import { searchPageUrl } from "./links.js";
import type { AlertRow } from "./repository.js";

const iso = (d: Date | string) => new Date(d).toISOString();

export function presentAlert(row: AlertRow, publicUrl: string): JobAlert {
  return {
    id: row.id,
    romes: row.romes,
    jobLabel: row.job_label,
    placeLabel: row.place_label,
    latitude: row.lat,
    longitude: row.lon,
    radius: row.radius_km,
    diplomaLevel: row.diploma_level,
    createdAt: iso(row.created_at),
    confirmedAt: row.confirmed_at ? iso(row.confirmed_at) : null,
    searchUrl: searchPageUrl(publicUrl, row),
  };
}
