/**
 * Where a search may be centred: metropolitan France (Corsica included) and the five overseas
 * départements. Boxes are generous (coasts, islands) but exclude the open sea between them.
 */
const zones: Array<{ name: string; lat: [number, number]; lon: [number, number] }> = [
  { name: "France métropolitaine", lat: [41.2, 51.2], lon: [-5.3, 9.7] },
  { name: "Guadeloupe", lat: [15.8, 16.6], lon: [-61.9, -60.9] },
  { name: "Martinique", lat: [14.3, 14.95], lon: [-61.3, -60.75] },
  { name: "Guyane", lat: [2.0, 5.9], lon: [-54.7, -51.5] },
  { name: "La Réunion", lat: [-21.45, -20.85], lon: [55.2, 55.9] },
  { name: "Mayotte", lat: [-13.05, -12.6], lon: [44.95, 45.35] },
];

/** True when the point lies in France (metropolitan or overseas département). */
export function isInFrance(lat: number, lon: number): boolean {
  return zones.some((z) => lat >= z.lat[0] && lat <= z.lat[1] && lon >= z.lon[0] && lon <= z.lon[1]);
}

/** Great-circle distance in km (haversine, mean Earth radius): for display and independent checks. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}
