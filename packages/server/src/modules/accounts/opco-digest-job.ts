import { formatFrenchDate, parisDay } from "@tremplin/core";
import type { JobDefinition } from "../../jobs/job.js";
import * as digest from "./opco-digest-repository.js";

/**
 * Daily digest to each OPCO adviser: the accounts of their OPCO that became active (email confirmed)
 * in the 24 hours before `now`, and how many wait in all. Idempotent: one email per adviser and day
 * (outbox dedupe key), so a second run the same day sends nothing.
 */
export const opcoDigestJob: JobDefinition = {
  name: "accounts:opco-digest",
  description: "Récapitulatif quotidien des entreprises à certifier, envoyé aux conseillers de chaque OPCO",
  schedule: "0 8 * * *",
  async run({ db, config, mailer, now }) {
    const since = new Date(now.getTime() - 86_400_000);
    const day = parisDay(now);
    const advisers = await digest.listEnabledOpcoAdvisers(db);
    let sent = 0;
    let opcosWithNews = 0;
    const byOpco = new Map<string, typeof advisers>();
    for (const a of advisers) byOpco.set(a.opco_id as string, [...(byOpco.get(a.opco_id as string) ?? []), a]);
    for (const [opcoId, opcoAdvisers] of byOpco) {
      const fresh = await digest.listAccountsConfirmedBetween(db, opcoId, since, now);
      if (fresh.length === 0) continue;
      opcosWithNews++;
      const waiting = await digest.countActiveAccounts(db, opcoId);
      for (const adviser of opcoAdvisers) {
        const id = await mailer.enqueue(db, {
          to: adviser.email,
          template: "opcoDigest",
          dedupeKey: `opco-digest:${adviser.id}:${day}`,
          data: {
            firstName: adviser.first_name,
            opcoName: adviser.opco_name,
            waiting,
            newSinceLastDigest: fresh.map((f) => ({
              companyName: f.company_name,
              siret: f.siret,
              city: f.city ?? null,
              createdOn: formatFrenchDate(new Date(f.created_at)),
            })),
            spaceLink: `${config.publicUrl}/opco`,
          },
        });
        if (id) sent++;
      }
    }
    mailer.kick();
    return { day, advisers: advisers.length, opcosWithNews, emailsQueued: sent };
  },
};
