import { parisDay } from "@tremplin/core";
import type { JobContext, JobDefinition } from "../../jobs/job.js";
import type { EmailRequest } from "../../mail/mailer.js";
import {
  CONFIRMATION_DAYS,
  DAY_MS,
  DELIVERY_MEMORY_DAYS,
  MAX_OFFERS_PER_MAIL,
  NEW_OFFER_WINDOW_DAYS,
} from "./context.js";
import { searchPageUrl, unsubscribeHeaders, unsubscribePageUrl, unsubscribeToken } from "./links.js";
import * as matching from "./matching-repository.js";
import * as repo from "./repository.js";

/** Alerts mailed per transaction: their outbox rows and deliveries are committed together. */
export const ALERTS_PER_BATCH = 2_000;

type AlertMail = EmailRequest<"alertNewOffers">;

/** The emails of a batch of alerts, and what they deliver. */
async function mailsOf(context: JobContext, alertIds: string[]) {
  const { db, config, now } = context;
  const [alerts, matches] = await Promise.all([
    matching.alertsByIds(db, alertIds),
    matching.matchesOf(db, alertIds, MAX_OFFERS_PER_MAIL),
  ]);
  const byAlert = new Map<string, matching.MatchedOffer[]>();
  for (const m of matches) byAlert.set(m.alert_id, [...(byAlert.get(m.alert_id) ?? []), m]);
  const day = parisDay(now);
  const mails: AlertMail[] = [];
  const deliveries: Array<{ email: string; offerId: string; alertId: string; dedupeKey: string }> = [];
  for (const alert of alerts) {
    const offers = byAlert.get(alert.id) ?? [];
    const first = offers[0];
    if (!first) continue;
    const token = unsubscribeToken(config.sessionSecret, alert.id, now);
    mails.push({
      to: alert.email,
      template: "alertNewOffers",
      dedupeKey: `alert:${alert.id}:${day}`,
      headers: unsubscribeHeaders(config.publicUrl, token),
      data: {
        jobLabel: alert.job_label,
        placeLabel: alert.place_label,
        radiusKm: alert.radius_km,
        offers: offers.map((o) => ({
          title: o.title,
          companyName: o.company_name,
          city: o.city,
          distanceKm: Math.max(1, Math.round(o.distance_m / 1000)),
          url: `${config.publicUrl}/offres/${o.offer_id}`,
        })),
        more: first.total - offers.length,
        searchUrl: searchPageUrl(config.publicUrl, alert),
        unsubscribeUrl: unsubscribePageUrl(config.publicUrl, token),
        alertsUrl: `${config.publicUrl}/mes-alertes`,
      },
    });
    for (const o of offers) {
      deliveries.push({
        email: alert.email,
        offerId: o.offer_id,
        alertId: alert.id,
        dedupeKey: `alert:${alert.id}:${day}`,
      });
    }
  }
  return { mails, deliveries };
}

/**
 * alerts:send (daily): for every confirmed alert, the offers published since the last run (7 days
 * at most) that match it and were never mailed to its address — 10 at most, nearest first — in one
 * email; no email when nothing is new. Matching is one set-based statement; emails are queued in
 * batches, each batch's outbox rows and deliveries in one transaction, so that a run stopped halfway
 * and run again sends the rest and nothing twice.
 */
export const sendAlertsJob: JobDefinition = {
  name: "alerts:send",
  description:
    "E-mail quotidien des nouvelles offres de chaque alerte confirmée (10 au plus, jamais deux fois la même)",
  schedule: "0 7 * * *",
  async run(context) {
    const { db, now, mailer } = context;
    const floor = new Date(now.getTime() - NEW_OFFER_WINDOW_DAYS * DAY_MS);
    const last = await matching.lastRunBefore(db, now);
    const since = last && last > floor ? last : floor;
    const pairs = await matching.computeMatches(db, since, now);
    context.log(`${pairs} correspondances (alerte, offre) depuis ${since.toISOString()}`);

    let alertsMailed = 0;
    let offersMailed = 0;
    let emailsQueued = 0;
    let after: string | null = null;
    // Two batches written at once: while PostgreSQL stores one, Node renders the next (2 cores).
    const writing: Promise<void>[] = [];
    for (;;) {
      const ids = await matching.nextMatchedAlerts(db, after, ALERTS_PER_BATCH);
      if (ids.length === 0) break;
      after = ids.at(-1) as string;
      const { mails, deliveries } = await mailsOf(context, ids);
      if (writing.length >= 2) await writing.shift();
      // An alert already mailed today (a second run the same day) keeps its email: its offers are
      // not marked delivered, so they stay new for the next run.
      const write = db
        .transaction()
        .execute(async (trx) => {
          const stored = new Set(await mailer.enqueueMany(trx, mails));
          const rows = deliveries.filter((d) => stored.has(d.dedupeKey));
          await matching.recordDeliveries(trx, rows, now);
          return { emails: stored.size, offers: rows.length };
        })
        .then((delivered) => {
          emailsQueued += delivered.emails;
          alertsMailed += delivered.emails;
          offersMailed += delivered.offers;
          context.log(`${alertsMailed} alertes servies`);
        });
      write.catch(() => {}); // awaited below; this only keeps a failure from being « unhandled » meanwhile
      writing.push(write);
    }
    await Promise.all(writing);
    await matching.recordRun(db, { asOf: now, alertsMailed, offersMailed, finishedAt: new Date() });
    if (emailsQueued > 0) mailer.kick();
    context.log(`${emailsQueued} e-mails en file`);
    return { since: since.toISOString(), pairs, alertsMailed, offersMailed, emailsQueued };
  },
};

/**
 * alerts:purge (daily): alerts never confirmed are deleted after 7 days (their link has expired),
 * and the memory of offers mailed long ago is forgotten (those offers are long closed).
 */
export const purgeAlertsJob: JobDefinition = {
  name: "alerts:purge",
  description: "Efface les alertes non confirmées après 7 jours et l'historique des envois anciens",
  schedule: "30 3 * * *",
  async run({ db, now }) {
    const unconfirmedDeleted = await repo.deleteUnconfirmedBefore(
      db,
      new Date(now.getTime() - CONFIRMATION_DAYS * DAY_MS),
    );
    const deliveriesForgotten = await repo.deleteDeliveriesBefore(
      db,
      new Date(now.getTime() - DELIVERY_MEMORY_DAYS * DAY_MS),
    );
    return { unconfirmedDeleted, deliveriesForgotten };
  },
};
