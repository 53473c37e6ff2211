import type { ContractRecord } from "../parse/contracts.js";
import type { EstablishmentRecord } from "../parse/establishments.js";
import type { FinanceRecord } from "../parse/finances.js";
import type { HireRecord } from "../parse/hires.js";
import { type AlgoReference, departementOfPostalCode } from "../reference/types.js";
import type { DayWindow } from "../time/day.js";
import type { Dataset } from "./dataset.js";
import {
  type EstablishmentTable,
  emptyEstablishments,
  FLAG_TRAINING_ORGANISATION,
  OPEN,
  UNKNOWN_CREATION,
} from "./establishments.js";
import { EventStoreBuilder } from "./events.js";
import type { FinanceStore } from "./finances.js";

/** Why a record was not attached to the data set, with counts (for the import report). */
export interface BuilderWarnings {
  duplicateEstablishments: number;
  unknownNaf: number;
  unplaced: number;
  eventsOfUnknownSiret: number;
  eventsOutsideCoverage: number;
}

/**
 * Assembles a Dataset from parsed records (files or database rows). Establishments first: events
 * and finances are attached to them by SIRET / SIREN; events of unknown SIRETs are counted.
 */
export class DatasetBuilder {
  private readonly establishments: EstablishmentRecord[] = [];
  private readonly indexOf = new Map<string, number>();
  private readonly contracts = new EventStoreBuilder();
  private readonly hires = new EventStoreBuilder();
  private readonly finances: FinanceRecord[] = [];
  readonly warnings: BuilderWarnings = {
    duplicateEstablishments: 0,
    unknownNaf: 0,
    unplaced: 0,
    eventsOfUnknownSiret: 0,
    eventsOutsideCoverage: 0,
  };

  constructor(
    private readonly reference: AlgoReference,
    private readonly coverage: DayWindow,
  ) {}

  addEstablishment(e: EstablishmentRecord): boolean {
    if (this.indexOf.has(e.siret)) {
      this.warnings.duplicateEstablishments++;
      return false;
    }
    if (!this.reference.naf.index.has(e.naf)) {
      this.warnings.unknownNaf++;
      return false;
    }
    this.indexOf.set(e.siret, this.establishments.length);
    this.establishments.push(e);
    return true;
  }

  addContract(c: ContractRecord): boolean {
    return this.addEvent(this.contracts, c.siret, c.day, c.kind, null);
  }

  addHire(h: HireRecord): boolean {
    return this.addEvent(this.hires, h.siret, h.day, h.kind, h.rome);
  }

  addFinance(f: FinanceRecord): void {
    this.finances.push(f);
  }

  private addEvent(into: EventStoreBuilder, siret: string, day: number, kind: number, rome: string | null): boolean {
    const i = this.indexOf.get(siret);
    if (i === undefined) {
      this.warnings.eventsOfUnknownSiret++;
      return false;
    }
    if (day < this.coverage.start || day >= this.coverage.end) {
      this.warnings.eventsOutsideCoverage++;
      return false;
    }
    const r = rome === null ? undefined : this.reference.romes.index.get(rome);
    into.add(i, day, kind, r === undefined ? 0 : r + 1);
    return true;
  }

  build(): Dataset {
    const ref = this.reference;
    const n = this.establishments.length;
    const table = emptyEstablishments(n);
    this.establishments.forEach((e, i) => {
      if (!writeEstablishment(table, i, e, ref)) this.warnings.unplaced++;
    });
    return {
      establishments: table,
      contracts: this.contracts.build(n),
      hires: this.hires.build(n),
      finances: this.finances.length > 0 ? buildFinances(this.finances, this.establishments) : null,
      coverage: this.coverage,
    };
  }
}

/**
 * Writes one establishment record at position i of a table (codes turned into reference indexes).
 * Returns false when it cannot be placed in a département (neither commune nor postal code known).
 */
export function writeEstablishment(
  table: EstablishmentTable,
  i: number,
  e: EstablishmentRecord,
  ref: AlgoReference,
): boolean {
  table.siret[i] = Number(e.siret);
  table.naf[i] = ref.naf.index.get(e.naf) ?? 0;
  table.sizeBand[i] = e.sizeBand === null ? 255 : (ref.sizeBands.index.get(e.sizeBand) ?? 255);
  table.created[i] = e.created ?? UNKNOWN_CREATION;
  table.closed[i] = e.closed ?? OPEN;
  let commune = e.commune === null ? undefined : ref.communes.index.get(e.commune);
  if (commune === undefined && e.postalCode !== null) commune = ref.communes.byPostalCode.get(e.postalCode);
  table.commune[i] = commune ?? -1;
  const dep =
    commune !== undefined
      ? ref.communes.departement[commune]
      : ref.departements.index.get(departementOfPostalCode(e.postalCode ?? "") ?? "");
  table.departement[i] = dep ?? 255;
  table.flags[i] = e.trainingOrganisation ? FLAG_TRAINING_ORGANISATION : 0;
  return dep !== undefined;
}

function buildFinances(rows: FinanceRecord[], establishments: EstablishmentRecord[]): FinanceStore {
  const bySiren = new Map<string, FinanceRecord[]>();
  for (const r of rows) {
    const list = bySiren.get(r.siren) ?? [];
    list.push(r);
    bySiren.set(r.siren, list);
  }
  const companyIndex = new Map<string, number>();
  const offsets: number[] = [0];
  const years: number[] = [];
  const revenue: number[] = [];
  const netResult: number[] = [];
  const headcount: number[] = [];
  for (const [siren, list] of bySiren) {
    // One row per year: a later line for the same year corrects an earlier one.
    const byYear = new Map(list.map((r) => [r.year, r]));
    for (const r of [...byYear.values()].sort((a, b) => a.year - b.year)) {
      years.push(r.year);
      revenue.push(r.revenue ?? Number.NaN);
      netResult.push(r.netResult ?? Number.NaN);
      headcount.push(r.headcount ?? Number.NaN);
    }
    companyIndex.set(siren, offsets.length - 1);
    offsets.push(years.length);
  }
  return {
    companyOf: Int32Array.from(establishments, (e) => companyIndex.get(e.siret.slice(0, 9)) ?? -1),
    offsets: Int32Array.from(offsets),
    years: Int16Array.from(years),
    revenue: Float64Array.from(revenue),
    netResult: Float64Array.from(netResult),
    headcount: Float32Array.from(headcount),
  };
}
