import { describe, expect, test } from "vitest";
import {
  DEFAULT_RADIUS,
  emptySearch,
  fromPlace,
  isSearchReady,
  MY_POSITION_LABEL,
  parseSearchParams,
  placeInSentence,
  type SearchState,
  searchPath,
  toSearchParams,
} from "./search-params.js";

const lyonBaker: SearchState = {
  job: { appellationCode: "11573", romeCode: "D1102", label: "Boulanger / Boulangère" },
  place: { label: "Lyon (69)", latitude: 45.75418, longitude: 4.84289 },
  radius: 60,
  diplomaLevel: 3,
  view: "formations",
};

describe("search state in the address", () => {
  test("a search survives the round trip through the address", () => {
    expect(parseSearchParams(toSearchParams(lyonBaker))).toEqual(lyonBaker);
  });

  test("defaults are left out of the address, and read back as defaults", () => {
    const params = toSearchParams({ ...lyonBaker, radius: DEFAULT_RADIUS, diplomaLevel: null, view: "offres" });
    expect([...params.keys()]).toEqual(["metier", "rome", "intitule", "lieu", "lat", "lon"]);
    expect(parseSearchParams(params)).toMatchObject({ radius: 30, diplomaLevel: null, view: "offres" });
  });

  test("coordinates are rounded to five decimals to keep shared links short", () => {
    const params = toSearchParams({ ...emptySearch, place: { label: "X", latitude: 45.123456789, longitude: 4.1 } });
    expect(params.get("lat")).toBe("45.12346");
  });

  test("an empty address is an empty search, not ready", () => {
    const state = parseSearchParams(new URLSearchParams());
    expect(state).toEqual(emptySearch);
    expect(isSearchReady(state)).toBe(false);
  });

  test("a job needs both its appellation code and a valid ROME code", () => {
    expect(parseSearchParams(new URLSearchParams("metier=11573&intitule=Boulanger")).job).toBeNull();
    expect(parseSearchParams(new URLSearchParams("metier=abc&rome=D1102")).job).toBeNull();
    expect(parseSearchParams(new URLSearchParams("metier=11573&rome=d1102")).job).toEqual({
      appellationCode: "11573",
      romeCode: "D1102",
      label: "Métier choisi",
    });
  });

  test("a place with a missing or impossible coordinate is no place", () => {
    expect(parseSearchParams(new URLSearchParams("lieu=Lyon&lat=45.7")).place).toBeNull();
    expect(parseSearchParams(new URLSearchParams("lieu=Lyon&lat=145&lon=4")).place).toBeNull();
    expect(parseSearchParams(new URLSearchParams("lieu=Lyon&lat=&lon=4")).place).toBeNull();
  });

  test("a radius typed by hand becomes the nearest choice; nonsense becomes the default", () => {
    expect(parseSearchParams(new URLSearchParams("rayon=45")).radius).toBe(30);
    expect(parseSearchParams(new URLSearchParams("rayon=5000")).radius).toBe(200);
    expect(parseSearchParams(new URLSearchParams("rayon=loin")).radius).toBe(DEFAULT_RADIUS);
  });

  test("a diploma level outside 3–7 and an unknown view are ignored", () => {
    const state = parseSearchParams(new URLSearchParams("niveau=9&vue=carte"));
    expect(state.diplomaLevel).toBeNull();
    expect(state.view).toBe("offres");
  });

  test("searchPath builds a link for a partial search", () => {
    expect(searchPath({})).toBe("/recherche");
    expect(searchPath({ job: lyonBaker.job })).toBe(
      "/recherche?metier=11573&rome=D1102&intitule=Boulanger+%2F+Boulang%C3%A8re",
    );
  });
});

describe("placeInSentence", () => {
  test("a commune keeps its name; the candidate's position reads as « votre position »", () => {
    expect(placeInSentence({ label: "Lyon (69)", latitude: 45.7, longitude: 4.8 })).toBe("Lyon (69)");
    expect(placeInSentence({ label: MY_POSITION_LABEL, latitude: 45.7, longitude: 4.8 })).toBe("votre position");
  });
});

describe("fromPlace", () => {
  test("elides and contracts « de » before the commune, as French writes it", () => {
    const at = (label: string) => fromPlace({ label, latitude: 45.7, longitude: 4.8 });
    expect(at("Aurillac (15)")).toBe("d'Aurillac (15)");
    expect(at("Le Havre (76)")).toBe("du Havre (76)");
    expect(at("Les Sables-d'Olonne (85)")).toBe("des Sables-d'Olonne (85)");
    expect(at("La Rochelle (17)")).toBe("de La Rochelle (17)");
    expect(at("Lyon (69)")).toBe("de Lyon (69)");
    expect(at(MY_POSITION_LABEL)).toBe("de votre position");
  });
});
