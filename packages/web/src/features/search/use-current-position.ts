import { contracts, isInFrance } from "@tremplin/core";
import { useState } from "react";
import { callApi } from "../../api/client.js";
import { MY_POSITION_LABEL, type SearchPlace } from "./search-params.js";

export type PositionOutcome = { ok: true; place: SearchPlace } | { ok: false; message: string };

const messages = {
  unsupported: "Votre navigateur ne donne pas votre position : tapez le nom de votre ville.",
  denied: "La localisation n'est pas autorisée : tapez le nom de votre ville, ou autorisez-la dans votre navigateur.",
  unavailable: "Votre position n'a pas pu être trouvée : tapez le nom de votre ville.",
  abroad: "Votre position semble hors de France : tapez le nom d'une ville française.",
};

/** Turns a position (or its failure) into a place for the search, in French. */
export function placeFromPosition(
  result: { latitude: number; longitude: number } | { errorCode: number },
): PositionOutcome {
  if ("errorCode" in result) {
    // 1 is PERMISSION_DENIED in the Geolocation API; 2 and 3 are unavailable and timeout.
    return { ok: false, message: result.errorCode === 1 ? messages.denied : messages.unavailable };
  }
  if (!isInFrance(result.latitude, result.longitude)) return { ok: false, message: messages.abroad };
  return { ok: true, place: { label: MY_POSITION_LABEL, latitude: result.latitude, longitude: result.longitude } };
}

/**
 * Gives a found position the name of its nearest commune (« Villeurbanne (69) »), keeping its exact
 * coordinates; the generic label stays when the name cannot be found (offline, at sea).
 */
export async function namePosition(outcome: PositionOutcome): Promise<PositionOutcome> {
  if (!outcome.ok) return outcome;
  const { latitude, longitude } = outcome.place;
  try {
    const commune = await callApi(contracts.referential.nearestCommune, { query: { latitude, longitude } });
    return { ok: true, place: { ...outcome.place, label: `${commune.name} (${commune.departement})` } };
  } catch {
    return outcome;
  }
}

/** Asks the browser for the candidate's position, once per tap; `locating` while it answers. */
export function useCurrentPosition(onResult: (outcome: PositionOutcome) => void) {
  const [locating, setLocating] = useState(false);
  function locate() {
    if (!("geolocation" in navigator)) {
      onResult({ ok: false, message: messages.unsupported });
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      async ({ coords }) => {
        const outcome = await namePosition(
          placeFromPosition({ latitude: coords.latitude, longitude: coords.longitude }),
        );
        setLocating(false);
        onResult(outcome);
      },
      (error) => {
        setLocating(false);
        onResult(placeFromPosition({ errorCode: error.code }));
      },
      // A town is precise enough: a quick, coarse answer beats waiting for GPS.
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 10 * 60_000 },
    );
  }
  return { locating, locate };
}
