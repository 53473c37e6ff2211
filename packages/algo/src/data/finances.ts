/**
 * Yearly financial data of companies (SIREN), joined to establishments: establishment i reads the
 * rows of company companyOf[i] (−1 when its company published nothing). A company's figures cover
 * all its establishments, so features use ratios and growth rather than levels.
 */
export interface FinanceStore {
  companyOf: Int32Array;
  /** Per company, rows offsets[c] … offsets[c+1] − 1, sorted by year. */
  offsets: Int32Array;
  years: Int16Array;
  /** Euros; NaN when not given. */
  revenue: Float64Array;
  netResult: Float64Array;
  headcount: Float32Array;
}

/**
 * Accounts of fiscal year Y (closing 31 December) are usable from 1 July of Y + 1: companies file
 * them within about six months, so a model must not read them earlier.
 */
export const FINANCE_PUBLICATION_MONTHS = 6;
