import { beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "../generate/generate.js";
import type { AlgoReference } from "../reference/types.js";
import { testReference } from "../test-support.js";
import { dayFromYmd, isoOfDay } from "../time/day.js";
import type { Dataset } from "./dataset.js";
import { FLAG_TRAINING_ORGANISATION, OPEN, siretString, UNKNOWN_CREATION } from "./establishments.js";
import type { EventStore } from "./events.js";
import { OrderedDatasetBuilder } from "./ordered-builder.js";
import { forEachPackedEvent, packEvents, romeKey, romeOfKey } from "./packed-events.js";

let reference: AlgoReference;
beforeAll(async () => {
  reference = await testReference();
});

/** The events of establishment i as packed bytes, reversed so that the builder has to sort them. */
function packedOf(store: EventStore, romes: number[], i: number): Uint8Array {
  const from = store.offsets[i] as number;
  const to = store.offsets[i + 1] as number;
  const order = Array.from({ length: to - from }, (_, k) => to - 1 - k);
  return packEvents({ days: store.days, kinds: store.kinds, romes }, order);
}

/** Rebuilds a generated dataset as the database path does: establishments, then packed events in two halves. */
function rebuild(d: Dataset, ref: AlgoReference): OrderedDatasetBuilder {
  const e = d.establishments;
  const order = Array.from({ length: e.n }, (_, i) => i).sort(
    (a, b) => (e.siret[a] as number) - (e.siret[b] as number),
  );
  const b = new OrderedDatasetBuilder(ref, d.coverage, { establishments: e.n + 1, contracts: 10 });
  for (const i of order) {
    const c = e.commune[i] as number;
    b.addEstablishment({
      siret: siretString(e, i),
      naf: ref.naf.codes[e.naf[i] as number] as string,
      sizeBand: e.sizeBand[i] === 255 ? null : (ref.sizeBands.codes[e.sizeBand[i] as number] as string),
      created: e.created[i] === UNKNOWN_CREATION ? null : (e.created[i] as number),
      commune: c >= 0 ? (ref.communes.insee[c] as string) : null,
      postalCode: null,
      closed: e.closed[i] === OPEN ? null : (e.closed[i] as number),
      trainingOrganisation: ((e.flags[i] as number) & FLAG_TRAINING_ORGANISATION) !== 0,
    });
  }
  for (const store of ["contracts", "hires"] as const) {
    const romes = Array.from(d[store].romes, (r) => (r === 0 ? 0 : romeKey(ref.romes.codes[r - 1] ?? null)));
    for (const i of order) {
      const packed = packedOf(d[store], romes, i);
      // Two database rows for the same SIRET (two imports): both halves must end up merged and sorted.
      const half = Math.floor(packed.length / 16) * 8;
      b.addPackedEvents(store, siretString(e, i), packed.subarray(0, half));
      b.addPackedEvents(store, siretString(e, i), packed.subarray(half));
    }
  }
  return b;
}

describe("stockage compact des événements", () => {
  it("relit exactement jours, types et métiers, et code les métiers ROME", () => {
    expect(romeOfKey(romeKey("D1102"))).toBe("D1102");
    expect(romeKey("Z9999")).toBe(0);
    expect(romeKey(null)).toBe(0);
    const packed = packEvents({
      days: [20000, -5, 19000],
      kinds: [2, 1, 1],
      romes: [romeKey("A1101"), 0, romeKey("N4403")],
    });
    const back: [number, number, string | null][] = [];
    forEachPackedEvent(packed, (day, kind, rome) => back.push([day, kind, romeOfKey(rome)]));
    expect(back).toEqual([
      [20000, 2, "A1101"],
      [-5, 1, null],
      [19000, 1, "N4403"],
    ]);
    expect(() => forEachPackedEvent(new Uint8Array(7), () => {})).toThrow(/multiple de 8/);
  });
});

describe("assemblage dans l'ordre des SIRET (lecture de la base)", () => {
  it("redonne le même jeu de données que le générateur", () => {
    const g = generateDataset(reference, { establishments: 1500, years: 6, seed: 3 });
    const d = g.dataset;
    const b = rebuild(d, reference);
    const r = b.build();
    expect(b.warnings).toEqual({
      duplicateEstablishments: 0,
      unknownNaf: 0,
      unplaced: 0,
      eventsOfUnknownSiret: 0,
      eventsOutsideCoverage: 0,
    });
    expect(r.establishments.n).toBe(d.establishments.n);
    // Same content per SIRET (the order of establishments differs: sorted by SIRET).
    for (const i of [0, 17, 400, 1499]) {
      const siret = siretString(d.establishments, i);
      const j = b.indexOf(siret);
      expect(j).toBeGreaterThanOrEqual(0);
      for (const store of ["contracts", "hires"] as const) {
        const a = d[store];
        const c = r[store];
        const slice = (s: EventStore, k: number) => [
          Array.from(s.days.subarray(s.offsets[k], s.offsets[k + 1])),
          Array.from(s.kinds.subarray(s.offsets[k], s.offsets[k + 1])),
          Array.from(s.romes.subarray(s.offsets[k], s.offsets[k + 1])),
        ];
        expect(slice(c, j)).toEqual(slice(a, i));
      }
      expect(r.establishments.closed[j]).toBe(d.establishments.closed[i]);
      expect(r.establishments.naf[j]).toBe(d.establishments.naf[i]);
    }
    expect(r.contracts.days.length).toBe(d.contracts.days.length);
    expect(r.hires.days.length).toBe(d.hires.days.length);
  });

  it("date la fermeture inconnue au lendemain du dernier événement, rattache les finances par SIREN", () => {
    const coverage = { start: dayFromYmd(2019, 1, 1), end: dayFromYmd(2025, 1, 1) };
    const b = new OrderedDatasetBuilder(reference, coverage, { establishments: 4 });
    const base = {
      naf: "1071C",
      sizeBand: "11",
      created: null,
      commune: "14118",
      postalCode: null,
      trainingOrganisation: false,
    };
    expect(b.addEstablishment({ ...base, siret: "51146379600017", closed: null }, true)).toBe(true);
    expect(b.addEstablishment({ ...base, siret: "51146379600025", closed: null }, true)).toBe(true);
    expect(b.addEstablishment({ ...base, siret: "51146379600025", closed: null })).toBe(false);
    expect(b.addEstablishment({ ...base, siret: "73282932000074", naf: "9999Z", closed: null })).toBe(false);
    expect(() => b.addEstablishment({ ...base, siret: "00565014800033", closed: null })).toThrow(/ordre/);
    b.addPackedEvents(
      "contracts",
      "51146379600017",
      packEvents({ days: [dayFromYmd(2021, 3, 4)], kinds: [1], romes: [0] }),
    );
    b.addPackedEvents(
      "contracts",
      "99999999999999",
      packEvents({ days: [dayFromYmd(2021, 3, 4)], kinds: [1], romes: [0] }),
    );
    b.addPackedEvents(
      "hires",
      "51146379600017",
      packEvents({ days: [dayFromYmd(2022, 5, 1), dayFromYmd(2030, 1, 1)], kinds: [2, 2], romes: [0, 0] }),
    );
    b.addFinance({ siren: "511463796", year: 2021, revenue: 10, netResult: 1, headcount: 3 });
    b.addFinance({ siren: "511463796", year: 2022, revenue: 12, netResult: null, headcount: 3 });
    expect(() => b.addFinance({ siren: "100000009", year: 2022, revenue: 1, netResult: 1, headcount: 1 })).toThrow(
      /ordre/,
    );
    const d = b.build();
    expect(b.warnings).toMatchObject({
      duplicateEstablishments: 1,
      unknownNaf: 1,
      eventsOfUnknownSiret: 1,
      eventsOutsideCoverage: 1,
    });
    expect(isoOfDay(d.establishments.closed[0] as number)).toBe("2022-05-02");
    expect(isoOfDay(d.establishments.closed[1] as number)).toBe("2019-01-01");
    expect(Array.from(d.finances?.companyOf ?? [])).toEqual([0, 0]);
    expect(Array.from(d.finances?.years ?? [])).toEqual([2021, 2022]);
    expect(Number.isNaN(d.finances?.netResult[1])).toBe(true);
  });
});
