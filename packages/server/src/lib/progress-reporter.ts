/** Receives one human-readable French line per step (printed by the CLI, logged by the server). */
export type ProgressReporter = (line: string) => void;
