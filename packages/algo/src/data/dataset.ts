import type { DayWindow } from "../time/day.js";
import type { EstablishmentTable } from "./establishments.js";
import type { EventStore } from "./events.js";
import type { FinanceStore } from "./finances.js";

/**
 * Everything the prediction reads, in memory: the establishment directory, the apprenticeship
 * contracts and other hires of each establishment, and the optional finances.
 */
export interface Dataset {
  establishments: EstablishmentTable;
  /** Apprenticeship and professionalisation contracts (kinds CONTRACT_APP / CONTRACT_PRO). */
  contracts: EventStore;
  /** Other hires: CDI and CDD of more than a month (kinds HIRE_CDI / HIRE_CDD). */
  hires: EventStore;
  finances: FinanceStore | null;
  /**
   * The period the event files cover, [start, end). Before `start` the data says nothing (which
   * is not the same as "no hire"); `end` is the latest date a prediction may be made from.
   */
  coverage: DayWindow;
}
