/**
 * One data line of an INSEE Sirene stock file, or one answer of the Sirene API shaped like it: its
 * line number and a getter by published column name. The same mappers read both (the importer in
 * `imports/sirene/` and the live adapter `../sirene-api.ts`).
 */
export interface StockRow {
  line: number;
  get(column: string): string;
}
