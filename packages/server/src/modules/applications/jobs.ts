import type { JobDefinition } from "../../jobs/job.js";
import { DAY_MS, PERSONAL_DATA_RETENTION_DAYS } from "./context.js";
import { emailKeys } from "./delivery.js";
import { deleteExpiredCvs } from "./lifecycle-repository.js";
import * as repo from "./repository.js";

const BATCH = 500;

/**
 * Applications older than two years lose their personal data (names, contact details, messages,
 * answer texts, the recruiter's address) and the emails that quoted them are deleted; what remains
 * (target, dates, status, source) feeds statistics. Report messages of the same age are wiped too.
 * Idempotent: anonymised rows are skipped.
 */
export const anonymiseApplicationsJob: JobDefinition = {
  name: "applications:anonymise",
  description: "Anonymisation des candidatures de plus de deux ans (et de leurs e-mails)",
  schedule: "30 3 * * *",
  async run({ db, now }) {
    const cutoff = new Date(now.getTime() - PERSONAL_DATA_RETENTION_DAYS * DAY_MS);
    let anonymised = 0;
    let emailsDeleted = 0;
    for (;;) {
      const batch = await db.transaction().execute(async (trx) => {
        const ids = await repo.anonymiseBefore(trx, cutoff, now, BATCH);
        emailsDeleted += await repo.deleteEmailsByKeys(trx, ids.flatMap(emailKeys.all));
        return ids.length;
      });
      anonymised += batch;
      if (batch < BATCH) break;
    }
    const reportMessagesWiped = await repo.scrubReportMessagesBefore(db, cutoff);
    return { anonymised, emailsDeleted, reportMessagesWiped, cutoff: cutoff.toISOString() };
  },
};

/**
 * A CV leaves the database as soon as its email is sent (trigger of migration 0007). This job
 * handles the others: an email refused for good (bounce, address blocked) drops its CV at once and
 * the candidate is told; one still failing after CV_RETENTION_DAYS is given up the same way.
 */
export const cvRetentionJob: JobDefinition = {
  name: "applications:cv-retention",
  description: "Effacement des CV non remis (refus définitif, ou après CV_RETENTION_DAYS jours d'échecs)",
  schedule: "*/15 * * * *",
  async run({ db, now, config, mailer }) {
    const cutoff = new Date(now.getTime() - config.cvRetentionDays * DAY_MS);
    let cleared = 0;
    let candidatesTold = 0;
    for (const email of await repo.undeliveredCvEmails(db, cutoff)) {
      await db.transaction().execute(async (trx) => {
        await repo.dropCvFromEmail(trx, email.email_id, `CV effacé : non remis après ${config.cvRetentionDays} jours`);
        const application = await repo.findApplication(trx, email.application_id);
        if (!application?.candidate_email) return;
        const id = await mailer.enqueue(trx, {
          to: application.candidate_email,
          template: "applicationUndelivered",
          dedupeKey: emailKeys.undelivered(application.id),
          data: {
            firstName: application.candidate_first_name ?? "",
            target: {
              kind: application.target_kind,
              title: application.offer_title,
              companyName: application.company_name,
            },
            searchUrl: `${config.publicUrl}/recherche`,
          },
        });
        if (id) candidatesTold++;
      });
      cleared++;
    }
    mailer.kick();
    // The encrypted copies kept for the inbox (ADR 011) go at their term.
    const keptCvsDeleted = await deleteExpiredCvs(db, now);
    return { cvsCleared: cleared, candidatesTold, keptCvsDeleted };
  },
};
