import { expiryFrom } from "@tremplin/core";
import { sql } from "kysely";
import { jobContent } from "../modules/offers/offer-content.js";
import { demoShowcase } from "./companies-data.js";
import type { DemoSeeder } from "./load-demo.js";

/** Demo people sign in with these addresses; links arrive on /dev/mailbox (the .localhost domain never delivers). */
export const DEMO_PEOPLE = {
  admin: "admin@demo.tremplin.localhost",
  opcoAdviser: "conseil.opco-ep@demo.tremplin.localhost",
  recruiter: "recruteur@demo.tremplin.localhost",
} as const;

const DEMO_OFFERING_COMPANIES = 120;
/** Bakeries within about 50 km of Lyon all post offers: the README's first search. */
const SHOWCASE_SEARCH = { nafCode: "1071C", lat: 45.764, lon: 4.836, halfSpanDegrees: 0.45 };
const DAY_MS = 86_400_000;

/** A number in [0, 1) from an integer (deterministic demo choices). */
function draw(i: number, salt: number): number {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x27d4eb2d);
  return ((h ^ (h >>> 13)) >>> 0) / 2 ** 32;
}

/**
 * Demo staff (an admin, an OPCO EP adviser), a demo recruiter whose space already holds offers, and
 * about 200 live offers from demo companies across France — jobs those companies' trades hire for
 * (NAF↔ROME figures), texts generated from ROME as for real ones.
 */
export const offersDemoSeeder: DemoSeeder = {
  name: "offres et comptes de démonstration",
  async isLoaded(db) {
    const row = await db.selectFrom("users").select("id").where("email", "=", DEMO_PEOPLE.admin).executeTakeFirst();
    return row !== undefined;
  },
  async load(db, _options, report) {
    const now = new Date();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("users")
        .values([
          {
            email: DEMO_PEOPLE.admin,
            first_name: "Alex",
            last_name: "Démo",
            phone: null,
            role: "admin",
            opco_id: null,
            email_confirmed_at: now,
          },
          {
            email: DEMO_PEOPLE.opcoAdviser,
            first_name: "Olivia",
            last_name: "Démo",
            phone: null,
            role: "opco",
            opco_id: "opco-ep",
            email_confirmed_at: now,
          },
        ])
        .execute();

      // Active, diffusible, non-training demo companies, in a fixed order; then the bakeries around
      // Lyon, so that the search the README suggests (« boulanger » near Lyon) always finds offers.
      const eligible = trx
        .selectFrom("establishments as e")
        .leftJoin("establishment_idccs as i", "i.siret", "e.siret")
        .leftJoin("idcc_opcos as io", "io.idcc", "i.idcc")
        .select([
          "e.siret",
          "e.name",
          "e.brand",
          "e.naf_code",
          "e.lat",
          "e.lon",
          "e.city",
          "e.postal_code",
          "e.insee_code",
          "io.opco_id",
        ])
        .where("e.admin_state", "=", "A")
        .where("e.diffusion", "=", "O")
        .where("e.naf_code", "not like", "85%")
        .where("e.brand", "like", "%Démo%")
        // The SIRETs the sign-up page offers to try stay free of accounts, so that trying them works.
        .where(
          "e.siret",
          "not in",
          demoShowcase().map((d) => d.siret),
        )
        .orderBy("e.siret");
      const first = await eligible.limit(DEMO_OFFERING_COMPANIES).execute();
      const lyonBakeries = await eligible
        .where("e.naf_code", "=", SHOWCASE_SEARCH.nafCode)
        .where("e.lat", ">=", SHOWCASE_SEARCH.lat - SHOWCASE_SEARCH.halfSpanDegrees)
        .where("e.lat", "<=", SHOWCASE_SEARCH.lat + SHOWCASE_SEARCH.halfSpanDegrees)
        .where("e.lon", ">=", SHOWCASE_SEARCH.lon - SHOWCASE_SEARCH.halfSpanDegrees)
        .where("e.lon", "<=", SHOWCASE_SEARCH.lon + SHOWCASE_SEARCH.halfSpanDegrees)
        .execute();
      // The demo recruiter (the first company) is a bakery near Lyon: its offers are found by the
      // README's search, and the demo CFAs around Lyon answer its « CFA » step.
      const bakeries = new Set(lyonBakeries.map((c) => c.siret));
      const companies = [...lyonBakeries, ...first.filter((c) => !bakeries.has(c.siret))];
      let offers = 0;
      for (const [i, company] of companies.entries()) {
        // Jobs this trade hires for most (classic ROME codes → their first ROME 4 fiche → principal title).
        const jobs = await sql<{ code_ogr: string }>`
          select a.code_ogr from naf_rome_hirings h
          join lateral (select rome_code from rome_fiches f where f.parent_rome_code = h.rome_code order by f.rome_code limit 1) f on true
          join rome_appellations a on a.rome_code = f.rome_code and a.principal
          where h.naf_code = ${company.naf_code}
          order by h.hirings desc limit 3`.execute(trx);
        if (jobs.rows.length === 0) continue;
        const email = i === 0 ? DEMO_PEOPLE.recruiter : `recrutement.${company.siret}@demo.tremplin.localhost`;
        const user = await trx
          .insertInto("users")
          .values({
            email,
            first_name: "Camille",
            last_name: `Démo ${i + 1}`,
            phone: "0600000000",
            role: "recruiter",
            opco_id: null,
            email_confirmed_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        // Only an OPCO certifies: a company whose OPCO is unknown waits in the admin's queue instead.
        const certified = company.opco_id !== null && draw(i, 1) < 0.4;
        const account = await trx
          .insertInto("accounts")
          .values({
            user_id: user.id,
            type: "company",
            siret: company.siret,
            company_name: company.brand ?? company.name ?? "Entreprise Démo",
            status: certified ? "certified" : "active",
            opco_id: company.opco_id ?? null,
            opco_source: company.opco_id ? "idcc" : null,
            confirmed_at: now,
            certified_at: certified ? now : null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        const count = 1 + Math.floor(draw(i, 2) * Math.min(3, jobs.rows.length));
        for (let k = 0; k < count; k++) {
          const job = await jobContent(trx, (jobs.rows[k] as { code_ogr: string }).code_ogr, undefined);
          // Published over the last four weeks, so some offers are close to their reminder.
          const publishedAt = new Date(now.getTime() - Math.floor(draw(i * 7 + k, 3) * 28) * DAY_MS);
          const start = new Date(now.getTime() + (30 + Math.floor(draw(i * 7 + k, 4) * 200)) * DAY_MS)
            .toISOString()
            .slice(0, 10);
          await trx
            .insertInto("offers")
            .values({
              owner_user_id: user.id,
              account_id: account.id,
              siret: company.siret,
              company_name: company.brand ?? company.name ?? "Entreprise Démo",
              company_description: "Entreprise fictive du jeu de démonstration de Tremplin.",
              contact_first_name: "Camille",
              contact_last_name: `Démo ${i + 1}`,
              contact_email: email,
              contact_phone: "0600000000",
              appellation_code: job.appellationCode,
              appellation_label: job.appellationLabel,
              rome_code: job.romeCode,
              rome_label: job.romeLabel,
              rome_version: job.romeVersion,
              title: job.appellationLabel,
              description: job.generatedDescription,
              access: job.access,
              skills: JSON.stringify(job.skills),
              start_date: draw(i, 5) < 0.2 ? null : start,
              start_asap: draw(i, 5) < 0.2,
              contract_types: draw(i, 6) < 0.3 ? ["apprentissage", "professionnalisation"] : ["apprentissage"],
              diploma_level: draw(i, 7) < 0.5 ? null : 3 + Math.floor(draw(i, 8) * 3),
              duration_months: [12, 24, 24, 36][Math.floor(draw(i, 9) * 4)] ?? 24,
              positions: 1,
              rhythm: "2 jours en formation, 3 jours en entreprise",
              disability_friendly: draw(i, 10) < 0.3,
              lat: company.lat,
              lon: company.lon,
              city: company.city,
              postal_code: company.postal_code,
              insee_code: company.insee_code,
              naf_label: null,
              status: "active",
              published_at: publishedAt,
              expires_at: expiryFrom(publishedAt, 30),
              created_at: publishedAt,
              updated_at: publishedAt,
            })
            .execute();
          offers++;
        }
      }
      report(
        `  ${offers} offres fictives de ${companies.length} entreprises ; connexions de démonstration : ${DEMO_PEOPLE.recruiter} (recruteur), ${DEMO_PEOPLE.opcoAdviser} (OPCO EP), ${DEMO_PEOPLE.admin} (administration) — liens sur /dev/mailbox.`,
      );
    });
  },
};
