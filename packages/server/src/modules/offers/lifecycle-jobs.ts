import { dueReminder } from "@tremplin/core";
import type { JobDefinition } from "../../jobs/job.js";
import { DAY_MS } from "./context.js";
import { actionLink, manager } from "./notifications.js";
import * as repo from "./repository.js";

/**
 * Reminds the manager of each active offer OFFER_REMINDER_DAYS before it expires (J-7, then J-1), with
 * one-click links. Each reminder is sent once per offer and expiry cycle (dedupe key), so the job can
 * run as often as wanted; extending starts a new cycle and re-arms the reminders.
 */
export const remindOffersJob: JobDefinition = {
  name: "offers:remind",
  description: "Rappels avant expiration des offres (J-7, J-1) avec liens en un clic",
  schedule: "0 * * * *",
  async run(context) {
    const deps = context.services.offers;
    const { now, config, db, mailer } = context;
    const horizon = new Date(now.getTime() + Math.max(...config.offerReminderDays) * DAY_MS);
    let queued = 0;
    for (const offer of await repo.findOffersExpiringBefore(db, now, horizon)) {
      const expiresAt = new Date(offer.expires_at as Date);
      const days = dueReminder(now, expiresAt, config.offerReminderDays);
      if (days === null) continue;
      const who = await manager(db, offer);
      const id = await mailer.enqueue(db, {
        to: who.email,
        template: "offerReminder",
        dedupeKey: `offer-reminder:${offer.id}:${offer.expiry_cycle}:${days}`,
        data: {
          firstName: who.firstName,
          title: offer.title,
          companyName: offer.company_name,
          daysLeft: days,
          expiresAt: expiresAt.toISOString(),
          extendUrl: actionLink(deps, offer, "extend"),
          filledUrl: actionLink(deps, offer, "filled"),
          cancelUrl: actionLink(deps, offer, "cancel"),
          spaceUrl: `${config.publicUrl}/espace`,
          ttlDays: config.offerTtlDays,
        },
      });
      if (id) queued++;
    }
    mailer.kick();
    return { remindersQueued: queued };
  },
};

/** Active offers past their expiry become expired; their manager is told and can put them back online. */
export const expireOffersJob: JobDefinition = {
  name: "offers:expire",
  description: "Expiration des offres arrivées à échéance, avec e-mail pour les remettre en ligne",
  schedule: "*/15 * * * *",
  async run(context) {
    const deps = context.services.offers;
    const { now, config, db, mailer } = context;
    const expired = await db.transaction().execute(async (trx) => {
      const rows = await repo.expireDueOffers(trx, now);
      for (const offer of rows) {
        const who = await manager(trx, offer);
        await mailer.enqueue(trx, {
          to: who.email,
          template: "offerExpired",
          dedupeKey: `offer-expired:${offer.id}:${offer.expiry_cycle}`,
          data: {
            firstName: who.firstName,
            title: offer.title,
            companyName: offer.company_name,
            republishUrl: actionLink(deps, offer, "extend"),
            spaceUrl: `${config.publicUrl}/espace`,
            ttlDays: config.offerTtlDays,
          },
        });
      }
      return rows.length;
    });
    mailer.kick();
    return { expired };
  },
};
