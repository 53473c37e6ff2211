/**
 * @tremplin/algo — predicts which establishments will hire apprentices in the next 6 months.
 * Pure computation on in-memory columnar data; file readers are the only I/O (plus report writing).
 * The database / CLI layer builds a Dataset (DatasetBuilder, or generateDataset), then calls
 * runPipeline (or runBacktest / fitModels / scoreEstablishments separately).
 */
export { type BuilderWarnings, DatasetBuilder, writeEstablishment } from "./data/builder.js";
export type { Dataset } from "./data/dataset.js";
export {
  type EstablishmentTable,
  FLAG_TRAINING_ORGANISATION,
  isActiveOn,
  OPEN,
  SiretIndex,
  siretString,
  UNKNOWN_CREATION,
} from "./data/establishments.js";
export { CONTRACT_APP, CONTRACT_PRO, countInWindow, type EventStore, HIRE_CDD, HIRE_CDI } from "./data/events.js";
export { FINANCE_PUBLICATION_MONTHS, type FinanceStore } from "./data/finances.js";
export { type OrderedCapacity, OrderedDatasetBuilder } from "./data/ordered-builder.js";
export {
  type EventColumns,
  forEachPackedEvent,
  PACKED_EVENT_BYTES,
  packEvents,
  romeKey,
  romeOfKey,
} from "./data/packed-events.js";
export { type BacktestOptions, type BacktestResult, runBacktest } from "./evaluate/backtest.js";
export { renderReportMarkdown, topSharesMarkdown } from "./evaluate/markdown.js";
export type { EvaluationReport, GroupMetrics, ModelMetrics } from "./evaluate/report.js";
export { metricsOf } from "./evaluate/report.js";
export { renderCaptureChartSvg } from "./evaluate/svg.js";
export {
  type GroupTopShares,
  type RowGroups,
  rowGroupsOf,
  TOP_SHARE_STEPS,
  type TopSharesTable,
  topShares,
  topSharesTable,
} from "./evaluate/top-shares.js";
export { evaluateWorld, fitVariants, type WorldFigures, type WorldResult } from "./evaluate/worlds.js";
export { writeReportFiles } from "./evaluate/write.js";
export { buildFeatures, eligibleRows, featureNames } from "./features/build.js";
export type { FeatureMatrix } from "./features/matrix.js";
export {
  defaultAssumptions,
  type GeneratorAssumptions,
  hardWorldNames,
  hardWorldSeeds,
  hardWorlds,
  scenarioNames,
  scenarios,
} from "./generate/assumptions.js";
export { DEFAULT_END, type GeneratedData, type GenerateOptions, generateDataset } from "./generate/generate.js";
export { type WrittenFiles, writeDatasetFiles } from "./generate/write-files.js";
export { type FitOptions, type FittedModels, fitModels } from "./models/fit.js";
export { type BoostParams, defaultBoostParams } from "./models/gbt/boost.js";
export type { TremplinModel } from "./models/tremplin.js";
export type { CountModel, TrainingSet } from "./models/types.js";
export type { RowOutcome } from "./parse/common.js";
export { type ContractRecord, parseContractLine } from "./parse/contracts.js";
export { type EstablishmentRecord, parseEstablishmentLine } from "./parse/establishments.js";
export { type FinanceRecord, parseFinanceLine } from "./parse/finances.js";
export { type HireRecord, MIN_CDD_DAYS, parseHireLine } from "./parse/hires.js";
export { emptySummary, type ImportSummary, readRecordBatches, readRecords } from "./parse/read.js";
export {
  type PipelineOptions,
  type PipelineResult,
  type PipelineSource,
  resolveScenario,
  runPipeline,
  type StageTiming,
} from "./pipeline.js";
export { defaultReferenceDir, loadAlgoReference } from "./reference/load.js";
export type { AlgoReference } from "./reference/types.js";
export { type ExplanationFacts, explain } from "./score/explain.js";
export { type ExposedCompany, exposedCompanies } from "./score/records.js";
export {
  defaultExposureRules,
  type ExposureRules,
  exclusionLabels,
  type ScoredEstablishments,
  scoreEstablishments,
  scoreFromHires,
  thresholdFor,
} from "./score/score.js";
export { addMonths, type Day, type DayWindow, dayFromYmd, isoOfDay, parseIsoDay } from "./time/day.js";
