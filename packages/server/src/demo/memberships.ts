import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import * as members from "../modules/accounts/membership-repository.js";
import * as repo from "../modules/accounts/repository.js";
import { knownContactMethod } from "../modules/accounts/verification-service.js";
import type { DemoSeeder } from "./load-demo.js";
import { DEMO_PEOPLE } from "./offers.js";

// Undeliverable, like every demo address, and at another domain than the company's: not a known contact.
export const DEMO_PENDING_MEMBER = "nouvelle.recrue@messagerie-demo.localhost";

/**
 * Verified identity in the demo (ADR 009): the certified accounts were verified by their OPCO; the
 * OPCOs' members files list two companies out of three (as `import:opco-contacts` would); every
 * other account goes through the same rules as a real sign-up. The demo recruiter's company also
 * gets a newcomer waiting for acceptance. Reports the share of sign-ups verified at once.
 */
export const membershipsDemoSeeder: DemoSeeder = {
  name: "membres vérifiés et demande d'accès",
  async isLoaded(db) {
    const row = await db
      .selectFrom("opco_contacts")
      .select("siret")
      .where("source_file", "=", "demo")
      .executeTakeFirst();
    return row !== undefined;
  },
  async load(db: Kysely<Database>, _options, report) {
    const now = new Date();
    await db.transaction().execute(async (trx) => {
      const accounts = await trx
        .selectFrom("accounts as a")
        .innerJoin("users as u", "u.id", "a.user_id")
        .select(["a.id", "a.siret", "a.type", "a.company_name", "a.status", "a.opco_id", "a.verified_at", "u.email"])
        .where("a.status", "in", ["active", "certified"])
        .orderBy("a.created_at")
        .orderBy("a.id")
        .execute();
      const listed = accounts.filter(
        (a, i) => a.type === "company" && (a.email === DEMO_PEOPLE.recruiter || (a.opco_id !== null && i % 3 !== 2)),
      );
      await members.upsertOpcoContacts(
        trx,
        listed.map((a) => ({ siret: a.siret, email: a.email })),
        "demo",
        now,
      );
      let atOnce = 0;
      let byOpco = 0;
      for (const a of accounts) {
        if (a.verified_at !== null) continue;
        const method = await knownContactMethod(trx, a, a.email);
        if (method) {
          atOnce++;
          await members.markVerified(trx, a.id, { method, by: "Tremplin (contact connu)", at: now });
        } else if (a.status === "certified") {
          byOpco++;
          await members.markVerified(trx, a.id, { method: "opco_certification", by: "OPCO (démo)", at: now });
        }
      }
      const share = accounts.length ? Math.round((100 * atOnce) / accounts.length) : 0;
      report(
        `Comptes vérifiés dès la confirmation (contact connu) : ${atOnce} sur ${accounts.length} (${share} %) ; par la certification de l'OPCO : ${byOpco}.`,
      );

      const home = accounts.find((a) => a.email === DEMO_PEOPLE.recruiter);
      if (!home) return;
      const newcomer = await repo.insertUser(trx, {
        email: DEMO_PENDING_MEMBER,
        firstName: "Sacha",
        lastName: "Démo",
        phone: "0600000001",
        role: "recruiter",
        opcoId: null,
      });
      await repo.markEmailConfirmed(trx, newcomer.id, now);
      const account = await repo.insertAccount(trx, {
        user_id: newcomer.id,
        type: "company",
        siret: home.siret,
        company_name: home.company_name,
        status: "active",
        opco_id: home.opco_id,
        opco_source: home.opco_id ? "idcc" : null,
      });
      for (const action of ["sign_up", "confirm", "join_request"] as const) {
        await repo.insertEvent(trx, {
          accountId: account.id,
          actorUserId: newcomer.id,
          actorLabel: "Sacha Démo",
          action,
          fromStatus: action === "sign_up" ? null : "active",
          toStatus: "active",
          at: now,
        });
      }
    });
  },
};
