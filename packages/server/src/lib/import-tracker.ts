import { createWriteStream, existsSync, statSync, type WriteStream } from "node:fs";
import type { ProgressReporter } from "./progress-reporter.js";

export const formatNumber = (n: number) => n.toLocaleString("fr-FR");

/** What one import did: rows read, loaded, rejected (by reason), and how fast. */
export interface ImportSummary {
  file: string;
  read: number;
  loaded: number;
  rejected: number;
  rejectsByReason: Record<string, number>;
  durationMs: number;
  rowsPerMinute: number;
}

/**
 * Counts rows, prints a progress line every `every` rows with the rate, keeps rejects by reason
 * and, when asked, writes each reject to a CSV file (line;key;reason) for the data team.
 */
export class ImportTracker {
  readonly #started = Date.now();
  #read = 0;
  #loaded = 0;
  #rejected = 0;
  readonly #byReason = new Map<string, number>();
  readonly #rejectsFile: WriteStream | undefined;

  constructor(
    readonly file: string,
    readonly label: string,
    private readonly report: ProgressReporter,
    private readonly every: number,
    rejectsPath?: string,
  ) {
    if (rejectsPath) {
      // Several imports may share one rejects file: the header is written once.
      const fresh = !existsSync(rejectsPath) || statSync(rejectsPath).size === 0;
      this.#rejectsFile = createWriteStream(rejectsPath, { flags: "a" });
      if (fresh) this.#rejectsFile.write("fichier;ligne;identifiant;motif\n");
    }
  }

  rowRead(): void {
    this.#read++;
    if (this.#read % this.every === 0) {
      this.report(
        `  ${this.label} : ${formatNumber(this.#read)} lignes lues (${formatNumber(this.rate())} lignes/min)`,
      );
    }
  }

  loaded(count: number): void {
    this.#loaded += count;
  }

  reject(line: number, key: string, reason: string): void {
    this.#rejected++;
    this.#byReason.set(reason, (this.#byReason.get(reason) ?? 0) + 1);
    this.#rejectsFile?.write(`${this.file};${line};${key.replaceAll(";", " ")};${reason}\n`);
  }

  rate(): number {
    const minutes = (Date.now() - this.#started) / 60_000;
    return minutes > 0 ? Math.round(this.#read / minutes) : 0;
  }

  async finish(): Promise<ImportSummary> {
    const file = this.#rejectsFile;
    if (file) await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
    const durationMs = Date.now() - this.#started;
    const summary: ImportSummary = {
      file: this.file,
      read: this.#read,
      loaded: this.#loaded,
      rejected: this.#rejected,
      rejectsByReason: Object.fromEntries([...this.#byReason].sort((a, b) => b[1] - a[1])),
      durationMs,
      rowsPerMinute: this.rate(),
    };
    this.report(
      `${this.label} : ${formatNumber(summary.read)} lignes lues, ${formatNumber(summary.loaded)} chargées, ${formatNumber(summary.rejected)} rejetées en ${(durationMs / 1000).toFixed(1)} s (${formatNumber(summary.rowsPerMinute)} lignes/min).`,
    );
    for (const [reason, count] of Object.entries(summary.rejectsByReason)) {
      this.report(`  - ${formatNumber(count)} × ${reason}`);
    }
    return summary;
  }
}
