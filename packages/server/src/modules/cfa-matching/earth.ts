/**
 * The earthdistance extension's model, computed here: points as `cube`s on a sphere of radius
 * `earth()` (6,378,168 m), distances as great circles. Queries receive the centre and the box as
 * cube literals instead of `ll_to_earth($lat, $lon)` and `earth_box(…)` calls, which PGlite
 * re-inlines and re-plans on every statement (measured: half of a suggestion's CPU time went to
 * planning). The index expression `ll_to_earth(lat, lon)` stays as it is.
 */
const EARTH_RADIUS = 6_378_168;
const RAD = Math.PI / 180;

export interface EarthPoint {
  x: number;
  y: number;
  z: number;
}

/** ll_to_earth(lat, lon). */
export function earthPoint(lat: number, lon: number): EarthPoint {
  return {
    x: EARTH_RADIUS * Math.cos(lat * RAD) * Math.cos(lon * RAD),
    y: EARTH_RADIUS * Math.cos(lat * RAD) * Math.sin(lon * RAD),
    z: EARTH_RADIUS * Math.sin(lat * RAD),
  };
}

/** gc_to_sec: the straight-line (chord) length of a great-circle distance. */
export function chordOf(metres: number): number {
  if (metres <= 0) return 0;
  if (metres / EARTH_RADIUS > Math.PI) return 2 * EARTH_RADIUS;
  return 2 * EARTH_RADIUS * Math.sin(metres / (2 * EARTH_RADIUS));
}

/** sec_to_gc: the great-circle distance of a chord, i.e. earth_distance. */
export function metresOfChord(chord: number): number {
  if (chord <= 0) return 0;
  if (chord / (2 * EARTH_RADIUS) > 1) return Math.PI * EARTH_RADIUS;
  return 2 * EARTH_RADIUS * Math.asin(chord / (2 * EARTH_RADIUS));
}

/** earth_distance(ll_to_earth(a), ll_to_earth(b)). */
export function earthDistance(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const p = earthPoint(a.lat, a.lon);
  const q = earthPoint(b.lat, b.lon);
  return metresOfChord(Math.hypot(p.x - q.x, p.y - q.y, p.z - q.z));
}

/** The cube literal of a point: '(x, y, z)'. */
export function cubeOf(point: { lat: number; lon: number }): string {
  const p = earthPoint(point.lat, point.lon);
  return `(${p.x}, ${p.y}, ${p.z})`;
}

/** earth_box(ll_to_earth(point), metres) as a cube literal: every point within `metres` is inside. */
export function boxOf(point: { lat: number; lon: number }, metres: number): string {
  const p = earthPoint(point.lat, point.lon);
  const s = chordOf(metres);
  return `(${p.x - s}, ${p.y - s}, ${p.z - s}),(${p.x + s}, ${p.y + s}, ${p.z + s})`;
}
