import type { CreateAlertInput, JobAlert } from "@tremplin/core";
import { AppError } from "../../lib/app-error.js";
import { ensureCandidate } from "../accounts/candidate-service.js";
import { getAppellationWithFiche, nearestCommune } from "../referential/service.js";
import { type AlertsDeps, CONFIRMATION_DAYS, DAY_MS, MAX_ALERTS_PER_EMAIL, MAX_PENDING_PER_EMAIL } from "./context.js";
import { alertOfConfirmation, alertOfUnsubscribe, confirmationPageUrl, confirmationToken } from "./links.js";
import { presentAlert } from "./presenter.js";
import * as repo from "./repository.js";

/** The job as people read it: the appellation asked for, else the first fiche's label. */
async function jobLabelOf(deps: AlertsDeps, input: CreateAlertInput): Promise<string> {
  if (input.appellationCode) {
    const found = await getAppellationWithFiche(deps.db, input.appellationCode);
    if (!found) throw new AppError("APPELLATION_UNKNOWN");
    return found.appellation.label;
  }
  return (await repo.romeLabel(deps.db, input.romes[0] as string)) ?? (input.romes[0] as string);
}

/** The place as people read it: the nearest commune (« Lyon (69) »), never a text sent by the client. */
async function placeLabelOf(deps: AlertsDeps, lat: number, lon: number): Promise<string> {
  try {
    const commune = await nearestCommune(deps.db, lat, lon);
    return `${commune.name} (${commune.departement})`;
  } catch (error) {
    if (error instanceof AppError && error.code === "COMMUNE_NOT_FOUND") return "la position choisie";
    throw error;
  }
}

/**
 * Creates an unconfirmed alert and mails its confirmation link (double opt-in). Nothing is mailed
 * from it until the link is followed; unconfirmed alerts are deleted after 7 days (alerts:purge).
 */
export async function createAlert(
  deps: AlertsDeps,
  input: CreateAlertInput,
): Promise<{ id: string; confirmed: boolean; message: string }> {
  const email = input.email.trim().toLowerCase();
  const now = deps.clock.now();
  if ((await repo.fichesOf(deps.db, input.romes)).length === 0) throw new AppError("ROME_UNKNOWN");
  const [jobLabel, placeLabel] = await Promise.all([
    jobLabelOf(deps, input),
    placeLabelOf(deps, input.latitude, input.longitude),
  ]);

  const alert = await deps.db.transaction().execute(async (trx) => {
    const counts = await repo.countAlertsOf(trx, email, new Date(now.getTime() - CONFIRMATION_DAYS * DAY_MS));
    if (counts.total >= MAX_ALERTS_PER_EMAIL) throw new AppError("ALERT_LIMIT_REACHED");
    if (counts.pending >= MAX_PENDING_PER_EMAIL) throw new AppError("ALERT_PENDING_LIMIT");
    const row = await repo.insertAlert(trx, {
      email,
      romes: input.romes,
      appellation_code: input.appellationCode ?? null,
      job_label: jobLabel,
      place_label: placeLabel,
      lat: input.latitude,
      lon: input.longitude,
      radius_km: input.radius,
      diploma_level: input.diplomaLevel ?? null,
      created_at: now,
    });
    await deps.mailer.enqueue(trx, {
      to: email,
      template: "alertConfirmation",
      dedupeKey: `alert-confirmation:${row.id}`,
      data: {
        jobLabel,
        placeLabel,
        radiusKm: input.radius,
        confirmUrl: confirmationPageUrl(
          deps.config.publicUrl,
          confirmationToken(deps.config.sessionSecret, row.id, now),
        ),
        validDays: CONFIRMATION_DAYS,
      },
    });
    return row;
  });
  deps.mailer.kick();
  return {
    id: alert.id,
    confirmed: false,
    message: `Un e-mail de confirmation a été envoyé à ${email}. Cliquez sur son lien pour activer l'alerte.`,
  };
}

/**
 * Follows the confirmation link: the alert starts (its fiches are indexed for alerts:send) and the
 * address becomes a candidate who can sign in. A second click changes nothing.
 */
export async function confirmAlert(
  deps: AlertsDeps,
  token: string,
): Promise<{ alert: JobAlert; confirmedNow: boolean; message: string }> {
  const now = deps.clock.now();
  const alertId = alertOfConfirmation(deps.config.sessionSecret, token, now);
  if (!alertId) throw new AppError("ALERT_LINK_INVALID");
  return deps.db.transaction().execute(async (trx) => {
    const confirmed = await repo.markConfirmed(trx, alertId, now);
    if (!confirmed) {
      const existing = await repo.findAlert(trx, alertId);
      if (!existing) throw new AppError("ALERT_LINK_INVALID");
      return {
        alert: presentAlert(existing, deps.config.publicUrl),
        confirmedNow: false,
        message: "Cette alerte était déjà confirmée : vous recevrez les nouvelles offres par e-mail.",
      };
    }
    await repo.insertFiches(trx, confirmed, await repo.fichesOf(trx, confirmed.romes));
    await ensureCandidate(trx, confirmed.email);
    return {
      alert: presentAlert(confirmed, deps.config.publicUrl),
      confirmedNow: true,
      message:
        "Votre alerte est active : vous recevrez au plus un e-mail par jour quand de nouvelles offres sont publiées.",
    };
  });
}

/** One-click unsubscribe (RFC 8058 or the link in the email): the alert is deleted. */
export async function unsubscribe(deps: AlertsDeps, token: string): Promise<{ removed: boolean; message: string }> {
  const alertId = alertOfUnsubscribe(deps.config.sessionSecret, token, deps.clock.now());
  if (!alertId) throw new AppError("ALERT_LINK_INVALID");
  const removed = await repo.deleteAlert(deps.db, alertId);
  return {
    removed,
    message: removed
      ? "Vous êtes désabonné : cette alerte est supprimée et ne vous enverra plus d'e-mail."
      : "Cette alerte était déjà supprimée : vous ne recevrez plus d'e-mail pour elle.",
  };
}

/** A signed-in candidate's alerts: those of their address. */
export async function listAlertsOf(deps: AlertsDeps, email: string): Promise<JobAlert[]> {
  return (await repo.alertsOf(deps.db, email)).map((row) => presentAlert(row, deps.config.publicUrl));
}

export async function deleteAlertOf(deps: AlertsDeps, email: string, id: string): Promise<void> {
  if (!(await repo.deleteAlert(deps.db, id, email))) throw new AppError("ALERT_NOT_FOUND");
}

/** Accounts' candidateErased reaction (services.ts): a candidate's data erased takes their alerts along. */
export async function eraseAlertsOf(db: repo.Db, candidate: { email: string }): Promise<void> {
  await repo.deleteEverythingOf(db, candidate.email);
}
