import { readFileSync, rmSync, writeFileSync } from "node:fs";

/**
 * PGlite is a single-process database: two processes opening the same directory corrupt it.
 * A lock file next to the data directory records which process holds it. A lock left by a process
 * that no longer exists (crash, kill -9) is taken over.
 */
export class DatabaseLockedError extends Error {
  override name = "DatabaseLockedError";
}

interface LockInfo {
  pid: number;
  purpose: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return undefined;
  }
}

/** Takes the lock or throws DatabaseLockedError naming the holder; returns the release function. */
export function acquirePgliteLock(lockFile: string, purpose: string): () => void {
  const info: LockInfo = { pid: process.pid, purpose, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lockFile, JSON.stringify(info), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const current = readLock(lockFile);
        if (current?.pid === process.pid) rmSync(lockFile, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(lockFile);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DatabaseLockedError(
          [
            `La base locale PGlite est déjà ouverte par un autre processus : ${holder.purpose} (pid ${holder.pid}, depuis ${holder.since}).`,
            "PGlite n'accepte qu'un processus à la fois. Arrêtez ce processus (Ctrl+C dans son terminal) puis relancez la commande,",
            "ou utilisez un serveur PostgreSQL partagé avec DATABASE_URL=postgres://… (le serveur et la CLI peuvent alors tourner ensemble).",
          ].join("\n"),
        );
      }
      // Stale lock (holder gone) or unreadable: remove it and try again.
      rmSync(lockFile, { force: true });
    }
  }
  throw new DatabaseLockedError(`Impossible de prendre le verrou ${lockFile}.`);
}
