import { describe, expect, test } from "vitest";
import { MY_POSITION_LABEL } from "./search-params.js";
import { placeFromPosition } from "./use-current-position.js";

describe("placeFromPosition", () => {
  test("a position in France becomes the search's place", () => {
    expect(placeFromPosition({ latitude: 45.76, longitude: 4.84 })).toEqual({
      ok: true,
      place: { label: MY_POSITION_LABEL, latitude: 45.76, longitude: 4.84 },
    });
  });

  test("a position abroad is refused before the API does", () => {
    const outcome = placeFromPosition({ latitude: 51.5, longitude: -0.12 });
    expect(outcome.ok ? "" : outcome.message).toMatch(/hors de France/);
  });

  test("a refusal of the permission and other failures say what to do instead", () => {
    const denied = placeFromPosition({ errorCode: 1 });
    const timeout = placeFromPosition({ errorCode: 3 });
    expect(denied.ok ? "" : denied.message).toMatch(/n'est pas autorisée/);
    expect(timeout.ok ? "" : timeout.message).toMatch(/n'a pas pu être trouvée/);
  });
});
