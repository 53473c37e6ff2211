import { describe, expect, it } from "vitest";
import { fromWgs84, projectionForCommune, toWgs84 } from "./projection.js";

/**
 * Reference points: [commune, lon, lat, x, y] with x/y computed by PROJ (proj4js 2.22, GRS80,
 * the EPSG definitions of each territory). The first is also the published example of the
 * Etalab "project-legal" library (20 avenue de Ségur, Paris → 649242.57, 6861355.85).
 */
const points: Array<[string, number, number, number, number]> = [
  ["75107", 2.30831, 48.850244, 649242.574, 6861355.847],
  ["13055", 5.3698, 43.2965, 892390.222, 6247035.257],
  ["29019", -4.4861, 48.3904, 146632.979, 6836262.327],
  ["2B033", 9.4509, 42.6977, 1228640.507, 6199171.711],
  ["97101", -61.5331, 16.2411, 656770.897, 1796166.176],
  ["97209", -61.0588, 14.6161, 709096.316, 1616759.733],
  ["97701", -62.8486, 17.8962, 516036.967, 1978708.086],
  ["97801", -63.0822, 18.0708, 491301.569, 1998020.543],
  ["97302", -52.3258, 4.9372, 353002.384, 545868.878],
  ["97311", -54.0317, 5.4994, 164035.171, 608720.079],
  ["97411", 55.4481, -20.8789, 338568.315, 7690475.437],
  ["97416", 55.4781, -21.3393, 342177.216, 7639537.491],
  ["97611", 45.2279, -12.7806, 524735.375, 8587115.812],
  ["97502", -56.1773, 46.7811, 562801.102, 5181167.597],
];

describe("Sirene coordinates → WGS84", () => {
  it.each(points)("commune %s: (%f, %f)", (commune, lon, lat, x, y) => {
    const projection = projectionForCommune(commune);
    if (!projection) throw new Error(`no projection for ${commune}`);
    const [gotLat, gotLon] = toWgs84(projection, x, y);
    // 1e-7° is about 1 cm.
    expect(gotLat).toBeCloseTo(lat, 7);
    expect(gotLon).toBeCloseTo(lon, 7);
    const [gotX, gotY] = fromWgs84(projection, lat, lon);
    expect(gotX).toBeCloseTo(x, 2);
    expect(gotY).toBeCloseTo(y, 2);
  });

  it("maps each territory to its legal projection", () => {
    expect(projectionForCommune("69123")).toEqual({ kind: "lambert93" });
    expect(projectionForCommune("2A004")).toEqual({ kind: "lambert93" });
    expect(projectionForCommune("97411")).toMatchObject({ zone: 40, south: true, epsg: 2975 });
    expect(projectionForCommune("97302")).toMatchObject({ zone: 22, south: false, epsg: 2972 });
    expect(projectionForCommune("97611")).toMatchObject({ zone: 38, south: true, epsg: 4471 });
    expect(projectionForCommune("98818")).toBeUndefined();
  });
});
