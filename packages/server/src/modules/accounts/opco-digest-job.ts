import { formatFrenchDate, parisDay } from "@tremplin/core";
import { sql } from "kysely";
import type { JobDefinition } from "../../jobs/job.js";

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
    const advisers = await db
      .selectFrom("users as u")
      .innerJoin("opcos as o", "o.id", "u.opco_id")
      .select(["u.id", "u.email", "u.first_name", "u.opco_id", "o.name as opco_name"])
      .where("u.role", "=", "opco")
      .where("u.disabled_at", "is", null)
      .execute();
    let sent = 0;
    let opcosWithNews = 0;
    const byOpco = new Map<string, typeof advisers>();
    for (const a of advisers) byOpco.set(a.opco_id as string, [...(byOpco.get(a.opco_id as string) ?? []), a]);
    for (const [opcoId, opcoAdvisers] of byOpco) {
      const fresh = await db
        .selectFrom("accounts as a")
        .leftJoin("establishments as e", "e.siret", "a.siret")
        .select(["a.company_name", "a.siret", "e.city", "a.created_at"])
        .where("a.opco_id", "=", opcoId)
        .where("a.status", "=", "active")
        .where("a.confirmed_at", ">", since)
        .where("a.confirmed_at", "<=", now)
        .orderBy("a.confirmed_at")
        .execute();
      if (fresh.length === 0) continue;
      opcosWithNews++;
      const waiting = await db
        .selectFrom("accounts")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("opco_id", "=", opcoId)
        .where("status", "=", "active")
        .executeTakeFirstOrThrow();
      for (const adviser of opcoAdvisers) {
        const id = await mailer.enqueue(db, {
          to: adviser.email,
          template: "opcoDigest",
          dedupeKey: `opco-digest:${adviser.id}:${day}`,
          data: {
            firstName: adviser.first_name,
            opcoName: adviser.opco_name,
            waiting: waiting.n,
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
