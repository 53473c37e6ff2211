import type { AppDeps } from "../../app-deps.js";
import type { Config } from "../../config.js";
import type { Clock } from "../../lib/clock.js";
import type { Mailer } from "../../mail/mailer.js";
import type { CompaniesDeps } from "../companies/service.js";
import type { Db } from "./requests-repository.js";

/** What the request and admin services need. */
export interface AlgoCompaniesDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, "publicUrl">;
  mailer: Mailer;
  companies: CompaniesDeps;
}

/** Built once per application by buildServices (services.ts), with the application's company directory. */
export function algoCompaniesDeps(
  deps: Pick<AppDeps, "db" | "clock" | "config" | "mailer">,
  companies: CompaniesDeps,
): AlgoCompaniesDeps {
  return { db: deps.db.db, clock: deps.clock, config: deps.config, mailer: deps.mailer, companies };
}

/** Who acts on a request or a company: recorded in decisions and the company's history. */
export interface AlgoActor {
  label: string;
  /** Set for an OPCO adviser: only their OPCO's listing requests. */
  opcoId: string | null;
}

/** The name a person recognises: the sign, else the legal name. */
export const displayName = (e: { brand: string | null; name: string | null } | null | undefined) =>
  e?.brand ?? e?.name ?? "l'entreprise";
