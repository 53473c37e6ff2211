import type { JobContext, JobDefinition } from "../../jobs/job.js";
import { DAY_MS } from "./context.js";
import { answerLink, emailKeys, NUDGE_DAYS } from "./delivery.js";
import * as lifecycle from "./lifecycle-repository.js";
import type { ApplicationRow } from "./repository.js";

const BATCH = 2000;
/** Reminders and follow-ups only look this far back: older silences are not chased. */
const LOOKBACK_DAYS = 30;

const nameOf = (row: ApplicationRow) =>
  `${row.candidate_first_name ?? ""} ${row.candidate_last_name ?? ""}`.trim() || "Un candidat";
const targetOf = (row: ApplicationRow) => ({
  kind: row.target_kind,
  title: row.offer_title,
  companyName: row.company_name,
});

/**
 * An application still unanswered (new or seen) 3 and then 7 days after it was sent brings its
 * recruiter one reminder each, with the one-click answers. Once each: the dedupe key is per
 * application and delay, and a reminder not sent at 3 days (job down, or older) is skipped when the
 * 7-day one is due.
 */
export const nudgeApplicationsJob: JobDefinition = {
  name: "applications:nudge",
  description: "Relance des recruteurs : candidatures sans réponse 3 et 7 jours après l'envoi",
  schedule: "0 9 * * *",
  async run(context) {
    const { now, mailer, config } = context;
    const deps = context.services.applications;
    const sent: Record<string, number> = {};
    for (const days of NUDGE_DAYS) {
      const next = NUDGE_DAYS.find((d) => d > days);
      const to = new Date(now.getTime() - days * DAY_MS);
      const from = new Date(now.getTime() - (next ?? LOOKBACK_DAYS) * DAY_MS);
      const rows = await lifecycle.awaitingSentBetween(context.db, from, to, BATCH, `nudge:${days}`);
      let count = 0;
      for (const row of rows) {
        const id = await mailer.enqueue(context.db, {
          to: row.recipient_email as string,
          template: "applicationNudge",
          dedupeKey: emailKeys.nudge(row.id, days),
          data: {
            days,
            candidateName: nameOf(row),
            target: targetOf(row),
            createdAt: new Date(row.created_at).toISOString(),
            interviewUrl: answerLink(deps, row.id, "interview"),
            refuseUrl: answerLink(deps, row.id, "refused"),
            undecidedUrl: answerLink(deps, row.id, "undecided"),
            inboxUrl: `${config.publicUrl}/espace/candidatures`,
          },
        });
        if (id) count++;
      }
      sent[`nudged${days}`] = count;
    }
    mailer.kick();
    return sent;
  },
};

/** Monday morning: each recruiter address gets the list of what still waits for an answer. */
export const applicationsDigestJob: JobDefinition = {
  name: "applications:digest",
  description: "Récapitulatif hebdomadaire des candidatures qui attendent une réponse",
  schedule: "0 8 * * 1",
  async run({ db, now, mailer, config }) {
    const rows = await lifecycle.awaitingSentBetween(
      db,
      new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS),
      new Date(now.getTime() - DAY_MS),
      BATCH * 5,
      "digest-never",
    );
    const byRecipient = new Map<string, ApplicationRow[]>();
    for (const row of rows) {
      const to = (row.recipient_email as string).toLowerCase();
      byRecipient.set(to, [...(byRecipient.get(to) ?? []), row]);
    }
    let digests = 0;
    const week = now.toISOString().slice(0, 10);
    for (const [to, items] of byRecipient) {
      const id = await mailer.enqueue(db, {
        to,
        template: "applicationsDigest",
        dedupeKey: `applications-digest:${to}:${week}`,
        data: {
          items: items.slice(0, 50).map((r) => ({
            candidateName: nameOf(r),
            target: targetOf(r),
            createdAt: new Date(r.created_at).toISOString(),
          })),
          inboxUrl: `${config.publicUrl}/espace/candidatures`,
        },
      });
      if (id) digests++;
    }
    mailer.kick();
    return { digests, applicationsListed: rows.length };
  },
};

/** Up to three similar offers near the application's target, as links. */
async function suggestionsFor(context: JobContext, row: ApplicationRow) {
  const place = await lifecycle.targetPlace(context.db, row);
  if (!place) return [];
  const offers = await lifecycle.similarOffers(context.db, place, place.romeCode, row.offer_id, 3);
  return offers.map((o) => ({
    title: o.title,
    companyName: o.company_name,
    city: o.city,
    url: `${context.config.publicUrl}/offres/${o.id}`,
  }));
}

/**
 * The candidate's side, once per application each: told when the offer they applied to is filled,
 * withdrawn or expired, and after 14 days without an answer — with similar offers nearby.
 */
export const candidateFollowUpJob: JobDefinition = {
  name: "applications:follow-up",
  description: "Candidats : offre pourvue ou expirée, ou 14 jours sans réponse (avec des offres proches)",
  schedule: "30 9 * * *",
  async run(context) {
    const { db, now, mailer, config } = context;
    const searchUrl = `${config.publicUrl}/recherche`;
    let offerClosed = 0;
    for (const row of await lifecycle.openOnClosedOffers(db, new Date(now.getTime() - 90 * DAY_MS), BATCH)) {
      const id = await mailer.enqueue(db, {
        to: row.candidate_email as string,
        template: "applicationOfferClosed",
        dedupeKey: emailKeys.offerClosed(row.id),
        data: {
          firstName: row.candidate_first_name ?? "",
          target: targetOf(row),
          filled: row.offer_status === "filled",
          suggestions: await suggestionsFor(context, row),
          searchUrl,
        },
      });
      if (id) offerClosed++;
    }
    let noAnswer = 0;
    const from = new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS);
    const to = new Date(now.getTime() - 14 * DAY_MS);
    for (const row of await lifecycle.awaitingSentBetween(db, from, to, BATCH, "no-answer")) {
      if (!row.candidate_email) continue;
      const id = await mailer.enqueue(db, {
        to: row.candidate_email,
        template: "applicationNoAnswer",
        dedupeKey: emailKeys.noAnswer(row.id),
        data: {
          firstName: row.candidate_first_name ?? "",
          target: targetOf(row),
          createdAt: new Date(row.created_at).toISOString(),
          suggestions: await suggestionsFor(context, row),
          searchUrl,
        },
      });
      if (id) noAnswer++;
    }
    mailer.kick();
    return { offerClosed, noAnswer };
  },
};
