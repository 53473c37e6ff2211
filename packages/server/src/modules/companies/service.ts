import {
  type Company,
  compactIdentifier,
  type DemoSiret,
  formatSiret,
  isDiffusible,
  isTrainingOrganisationNaf,
  siretProblem,
  siretProblemMessage,
} from "@tremplin/core";
import type { AppDeps } from "../../app-deps.js";
import { demoShowcase } from "../../demo/companies-data.js";
import { AppError } from "../../lib/app-error.js";
import type { CompanyDirectory, DirectoryEstablishment } from "./directory.js";
import { embeddedDirectory } from "./embedded-directory.js";
import { presentCompany } from "./presenter.js";
import * as repo from "./repository.js";
import { sireneApiDirectory } from "./sirene-api.js";

export interface CompaniesDeps {
  db: repo.Db;
  directory: CompanyDirectory;
}

/**
 * The directory the config asks for: the live Sirene API in front of the embedded directory when
 * SIRENE_API_URL and SIRENE_API_KEY are set, the embedded one otherwise. Built once per application
 * by buildServices (services.ts), so that every module shares one Sirene cache and `warn`.
 */
export function companiesDeps(
  deps: Pick<AppDeps, "db" | "config">,
  warn: (message: string) => void = () => {},
): CompaniesDeps {
  const db = deps.db.db;
  const embedded = embeddedDirectory(db);
  const { sireneApiUrl, sireneApiKey } = deps.config;
  const directory =
    sireneApiUrl && sireneApiKey
      ? sireneApiDirectory({
          baseUrl: sireneApiUrl,
          apiKey: sireneApiKey,
          fallback: embedded,
          onFallback: (siret, error) =>
            warn(`API Sirene indisponible pour ${siret} (${(error as Error).message}) : annuaire embarqué utilisé`),
        })
      : embedded;
  return { db, directory };
}

/** A SIRET as typed ("123 456 789 00012") → its 14 digits; SIRET_INVALID with a helpful message otherwise. */
export function checkSiret(input: string): string {
  const siret = compactIdentifier(input);
  const problem = siretProblem(siret);
  if (problem) {
    throw new AppError("SIRET_INVALID", {
      message: siretProblemMessage(problem, input.trim()),
      details: { problem },
    });
  }
  return siret;
}

const label = (e: DirectoryEstablishment) => `${e.name ?? e.brand ?? "L'établissement"} (${formatSiret(e.siret)})`;

/** The public card of an active, diffusible establishment; SIRET_INVALID/UNKNOWN/NOT_DIFFUSIBLE/CLOSED otherwise. */
export async function getCompany(deps: CompaniesDeps, input: string): Promise<Company> {
  const siret = checkSiret(input);
  const establishment = await deps.directory.findBySiret(siret);
  if (!establishment) {
    throw new AppError("SIRET_UNKNOWN", {
      message: `Aucun établissement ne porte le numéro SIRET ${formatSiret(siret)} dans le répertoire Sirene. Vérifiez le numéro ; un établissement créé il y a quelques jours peut ne pas encore y figurer.`,
    });
  }
  // Checked before the state: a closed non-diffusible establishment must not reveal that it closed.
  if (!isDiffusible(establishment.diffusion)) throw new AppError("SIRET_NOT_DIFFUSIBLE");
  if (establishment.adminState === "F") {
    throw new AppError("SIRET_CLOSED", {
      message: `${label(establishment)} est fermé selon le répertoire Sirene. Indiquez le SIRET de l'établissement en activité où se déroulera le contrat.`,
    });
  }
  const extras = await repo.findCompanyExtras(deps.db, siret, establishment.nafCode);
  return presentCompany(establishment, extras);
}

/** An establishment as other modules need it (any state, diffusion flagged, OPCO resolved). */
export interface ResolvedEstablishment extends DirectoryEstablishment {
  nafLabel: string | null;
  idcc: number | null;
  opcoId: string | null;
  opcoName: string | null;
  trainingOrganisation: boolean;
}

/** The establishment of a valid SIRET with its OPCO (via its IDCC), or null when Sirene does not know it. */
export async function resolveEstablishment(deps: CompaniesDeps, siret: string): Promise<ResolvedEstablishment | null> {
  const establishment = await deps.directory.findBySiret(checkSiret(siret));
  if (!establishment) return null;
  const extras = await repo.findCompanyExtras(deps.db, establishment.siret, establishment.nafCode);
  return { ...establishment, ...extras, trainingOrganisation: isTrainingOrganisationNaf(establishment.nafCode) };
}

/** True when the SIRET is that of a known training organisation (NAF 85.32Z, 85.41Z, 85.42Z, 85.59A/B). */
export async function isTrainingOrganisation(deps: CompaniesDeps, siret: string): Promise<boolean> {
  const establishment = await deps.directory.findBySiret(checkSiret(siret));
  return isTrainingOrganisationNaf(establishment?.nafCode);
}

/** Training organisations (CFA…) open within `radiusKm` of a point, nearest first, with their distance. */
export async function findTrainingOrganisationsNear(
  deps: CompaniesDeps,
  point: { lat: number; lon: number },
  radiusKm: number,
  limit = 20,
): Promise<
  Array<{ siret: string; name: string; nafCode: string | null; lat: number; lon: number; distanceKm: number }>
> {
  const rows = await repo.findActiveTrainingOrganisationsNear(deps.db, point, radiusKm * 1000, limit);
  return rows.map((r) => ({
    siret: r.siret,
    name: r.brand ?? r.name ?? "",
    nafCode: r.naf_code,
    lat: r.lat as number,
    lon: r.lon as number,
    distanceKm: Math.round(r.distance / 100) / 10,
  }));
}

/** The demo SIRETs to try, with their names; NOT_FOUND when the demo set is off or not loaded. */
export async function listDemoSirets(deps: CompaniesDeps, demoData: boolean): Promise<DemoSiret[]> {
  const showcase = demoShowcase();
  const rows = demoData
    ? await repo.findNames(
        deps.db,
        showcase.map((s) => s.siret),
      )
    : [];
  if (rows.length === 0) {
    throw new AppError("NOT_FOUND", { message: "Le jeu de démonstration n'est pas chargé sur ce service." });
  }
  const names = new Map(rows.map((r) => [r.siret, r.brand ?? r.name ?? ""]));
  return showcase
    .filter((s) => names.has(s.siret))
    .map((s) => ({
      ...s,
      // Even fictional, a non-diffusible establishment is not named.
      name: s.kind === "notDiffusible" ? "Établissement fictif non diffusible (Démo)" : (names.get(s.siret) ?? ""),
    }));
}
