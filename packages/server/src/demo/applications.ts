import { type ApplicationStatus, mulberry32, type RefusalReason, refusalReasons } from "@tremplin/core";
import { type Insertable, type Kysely, sql } from "kysely";
import type { Database } from "../db/database.js";
import type { ApplicationsTable } from "../db/tables/applications.js";
import { sealCv } from "../modules/applications/cv-vault.js";
import type { DemoSeeder } from "./load-demo.js";
import { DEMO_PEOPLE } from "./offers.js";

/** The demo candidate: their space (/mes-candidatures) shows an application in every status. */
export const DEMO_CANDIDATE = "candidat@demo.tremplin.localhost";

const demoCandidate = { firstName: "Lou", lastName: "Démo", email: DEMO_CANDIDATE };
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Months of history before the current one: the barometer's default window is a year. */
const PAST_MONTHS = 11;
// The smallest file the server takes for a PDF (the same bytes for every demo CV).
const DEMO_PDF = Buffer.from("%PDF-1.4\n% CV fictif du jeu de démonstration de Tremplin\n%%EOF\n");

// Split from one string so that the formatter keeps them on one line each.
const firstNames = "Inès Lucas Chloé Yanis Manon Nathan Léa Hugo Sarah Enzo Jade Noah".split(" ");
const lastNames = "Moreau Fontaine Bernard Lefèvre Garnier Roux Chevalier Perrin Faure Blanc".split(" ");
const messages = [
  "Je prépare un CAP et je suis disponible dès la rentrée.",
  "Motivé et ponctuel, j'ai déjà fait un stage de trois semaines dans ce métier.",
  "Je cherche une entreprise pour mon BTS en alternance, à moins de 30 minutes de chez moi.",
  null,
];
const answerMessages = {
  interview: "Pouvez-vous passer mardi à 10 h ? Apportez votre CV.",
  refused: "Merci pour votre candidature, et bonne continuation.",
  hired: "Bienvenue dans l'équipe ! Nous vous envoyons le contrat.",
} as const;

type Offer = {
  id: string;
  siret: string;
  company_name: string;
  title: string;
  owner_user_id: string | null;
  contact_email: string;
  expiry_cycle: number;
  published_at: Date;
  status: string;
};
type Row = Insertable<ApplicationsTable> & { id: string };

/**
 * Applications in every status (new, seen, interview, refused, hired, withdrawn) over a year, so that
 * the barometer, the offers' audience charts, the recruiter's inbox and the candidate's space show
 * something real (ADR 011). Past months get closed offers (filled, expired, cancelled, with their
 * close reason) copied from the live demo offers; answers get faster and more frequent over the year.
 * Deterministic: a seeded generator walks rows in a fixed order. CVs are kept (encrypted) when the
 * loader is given the key, as for real applications.
 */
export const applicationsDemoSeeder: DemoSeeder = {
  name: "candidatures de démonstration (tous les états) et audience des offres",
  async isLoaded(db) {
    const row = await db.selectFrom("users").select("id").where("email", "=", DEMO_CANDIDATE).executeTakeFirst();
    return row !== undefined;
  },
  async load(db, options, report) {
    const now = new Date();
    const random = mulberry32(20_260_915);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    await db.transaction().execute(async (trx) => {
      const live = await liveDemoOffers(trx);
      const home = await trx
        .selectFrom("users")
        .select("id")
        .where("email", "=", DEMO_PEOPLE.recruiter)
        .executeTakeFirst();
      const past = await copyPastOffers(trx, live, now, random);
      const rows: Row[] = [];
      const candidates = new Map<string, { firstName: string; lastName: string }>();

      const hiredThroughTremplin: { offerId: string; applicationId: string }[] = [];
      const application = (
        target: Offer | { siret: string; company_name: string; email: string | null },
        at: Date,
        person?: { firstName: string; lastName: string; email: string },
      ) => {
        const firstName = person?.firstName ?? pick(firstNames);
        const lastName = person?.lastName ?? pick(lastNames);
        const email =
          person?.email ??
          `${slug(firstName)}.${slug(lastName)}.${1 + Math.floor(random() * 40)}@demo.tremplin.localhost`;
        candidates.set(email, { firstName, lastName });
        const offer = "id" in target ? target : null;
        const row: Row = {
          id: crypto.randomUUID(),
          target_kind: offer ? "offer" : "company",
          offer_id: offer?.id ?? null,
          offer_cycle: offer?.expiry_cycle ?? null,
          siret: target.siret,
          company_name: target.company_name,
          offer_title: offer?.title ?? null,
          recipient_email: offer ? offer.contact_email : (target as { email: string | null }).email,
          recipient_source: offer ? "offer_manager" : "company_account",
          recipient_user_id: offer?.owner_user_id ?? null,
          candidate_first_name: firstName,
          candidate_last_name: lastName,
          candidate_email: email,
          candidate_phone: "0600000002",
          message: pick(messages),
          cv_file_name: `CV ${firstName} ${lastName}.pdf`,
          cv_content_type: "application/pdf",
          cv_size: DEMO_PDF.length,
          source: "tremplin",
          partner_name: null,
          api_key_id: null,
          refusal_reason: null,
          answer_message: null,
          answered_at: null,
          answered_via: null,
          recruiter_email_id: null,
          created_at: at,
          anonymised_at: null,
        };
        rows.push(row);
        return row;
      };

      // Offers (live and past): a few applications each, the demo recruiter's a few more.
      for (const offer of [...live, ...past]) {
        const age = now.getTime() - offer.published_at.getTime();
        const count = Math.floor(random() * 5) + (offer.owner_user_id === home?.id ? 3 : 0);
        let hiredOne = false;
        for (let k = 0; k < count; k++) {
          const at = new Date(offer.published_at.getTime() + random() * Math.min(age - HOUR, 25 * DAY));
          const row = application(offer, at);
          // Live offers keep their only position open: nobody is hired on them yet.
          const status = decide(row, now, random, offer.status === "active" || hiredOne);
          hiredOne ||= status === "hired";
          if (offer.status === "filled" && status === "hired") {
            hiredThroughTremplin.push({ offerId: offer.id, applicationId: row.id });
          }
        }
      }

      // Spontaneous applications to the demo companies with an account (the demo recruiter's included).
      const companies = await trx
        .selectFrom("accounts as a")
        .innerJoin("users as u", "u.id", "a.user_id")
        .select(["a.siret", "a.company_name", "u.email"])
        .where("a.type", "=", "company")
        .where("u.email", "like", "%@demo.tremplin.localhost")
        .orderBy("a.siret")
        .orderBy("u.email")
        .execute();
      for (const [i, company] of companies.entries()) {
        const isHome = company.email === DEMO_PEOPLE.recruiter;
        if (!isHome && i % 3 !== 0) continue;
        for (let k = 0; k < (isHome ? 4 : 1 + Math.floor(random() * 2)); k++) {
          const at = new Date(now.getTime() - (2 * HOUR + random() * (PAST_MONTHS * 30 + 20) * DAY));
          decide(application(company, at), now, random, false);
        }
      }

      // The demo candidate: one application per status, on other companies' live offers.
      const others = live.filter((o) => o.owner_user_id !== home?.id);
      const statuses: ApplicationStatus[] = ["new", "seen", "interview", "refused", "hired", "withdrawn"];
      for (const [k, status] of statuses.entries()) {
        const offer = others[k * 7] ?? others[k];
        if (!offer) break;
        const row = application(offer, new Date(now.getTime() - (12 - k) * DAY), demoCandidate);
        setStatus(row, status, new Date(now.getTime() - (6 - k) * DAY), random);
        if (status === "hired") row.contract_signed_at = new Date(now.getTime() - DAY);
      }

      await insertCandidates(trx, candidates);
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto("applications")
          .values(rows.slice(i, i + 500))
          .execute();
      for (const hire of hiredThroughTremplin) {
        await sql`update offers set close_reason = 'hired_tremplin', hired_application_id = ${hire.applicationId}
                  where id = ${hire.offerId}`.execute(trx);
      }
      const kept = options.cvEncryptionKey ? await keepCvs(trx, rows, options, now, home?.id ?? null) : 0;
      await sql`update offers o set applications_count = (select count(*) from applications a where a.offer_id = o.id)
                where o.contact_email like '%@demo.tremplin.localhost'`.execute(trx);
      // Past offers had an audience too (no daily series kept for them): about 15 views per application.
      await sql`update offers set views = 20 + applications_count * 15
                where status <> 'active' and contact_email like '%@demo.tremplin.localhost'`.execute(trx);
      const days = await dailyAudience(trx, live, now, random);

      const byStatus = new Map<string, number>();
      for (const r of rows) byStatus.set(r.status as string, (byStatus.get(r.status as string) ?? 0) + 1);
      report(
        `  ${rows.length} candidatures fictives (${[...byStatus].map(([s, n]) => `${s} ${n}`).join(", ")}), ${past.length} offres passées, ${kept} CV conservés, ${days} jours d'audience ; candidat de démonstration : ${DEMO_CANDIDATE}.`,
      );
    });
  },
};

const slug = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

async function liveDemoOffers(db: Kysely<Database>): Promise<Offer[]> {
  const rows = await db
    .selectFrom("offers")
    .select([
      "id",
      "siret",
      "company_name",
      "title",
      "owner_user_id",
      "contact_email",
      "expiry_cycle",
      "published_at",
      "status",
    ])
    .where("status", "=", "active")
    .where("contact_email", "like", "%@demo.tremplin.localhost")
    // Not by id (random): the same walk on every load.
    .orderBy("siret")
    .orderBy("title")
    .execute();
  return rows.map((r) => ({ ...r, published_at: new Date(r.published_at ?? 0) }));
}

/**
 * Offers of the past months, copied from live demo offers (same company, job and text), now closed:
 * filled (hired elsewhere, or through Tremplin once an application is hired), expired or cancelled.
 * More of them month after month, as a service that grows.
 */
async function copyPastOffers(db: Kysely<Database>, live: Offer[], now: Date, random: () => number): Promise<Offer[]> {
  const copies: Offer[] = [];
  for (let month = PAST_MONTHS; month >= 1; month--) {
    const share = 0.05 + (0.06 * (PAST_MONTHS - month)) / PAST_MONTHS;
    for (const source of live) {
      if (random() >= share) continue;
      const publishedAt = new Date(now.getTime() - (month * 30 + random() * 28) * DAY);
      const fate = random();
      const status = fate < 0.45 ? "filled" : fate < 0.8 ? "expired" : "cancelled";
      const closedAt = new Date(publishedAt.getTime() + (status === "expired" ? 30 : 5 + random() * 20) * DAY);
      const reason = status === "filled" ? "hired_elsewhere" : status === "cancelled" ? "no_longer_needed" : null;
      const result = await sql<{ id: string }>`
        insert into offers (owner_user_id, account_id, siret, company_name, company_description, contact_first_name,
          contact_last_name, contact_email, contact_phone, appellation_code, appellation_label, rome_code, rome_label,
          rome_version, title, description, access, skills, start_date, start_asap, contract_types, diploma_level,
          duration_months, positions, rhythm, disability_friendly, lat, lon, city, postal_code, insee_code, naf_label,
          status, published_at, expires_at, closed_at, close_reason, created_at, updated_at)
        select owner_user_id, account_id, siret, company_name, company_description, contact_first_name,
          contact_last_name, contact_email, contact_phone, appellation_code, appellation_label, rome_code, rome_label,
          rome_version, title, description, access, skills, null, true, contract_types, diploma_level,
          duration_months, positions, rhythm, disability_friendly, lat, lon, city, postal_code, insee_code, naf_label,
          ${status}, ${publishedAt}, ${new Date(publishedAt.getTime() + 30 * DAY)}, ${closedAt}, ${reason},
          ${publishedAt}, ${closedAt}
        from offers where id = ${source.id}
        returning id`.execute(db);
      const id = result.rows[0]?.id;
      if (id) copies.push({ ...source, id, status, published_at: publishedAt, expiry_cycle: 1 });
    }
  }
  return copies;
}

/**
 * What became of an application: withdrawn now and then; answered more often and faster as months
 * go by (the barometer's answer rate rises); otherwise new or « en cours d'examen ».
 */
function decide(row: Row, now: Date, random: () => number, noHire: boolean): ApplicationStatus {
  const created = new Date(row.created_at as Date).getTime();
  const monthsAgo = (now.getTime() - created) / (30 * DAY);
  const answerShare = 0.55 - 0.25 * Math.min(1, monthsAgo / PAST_MONTHS);
  const delayDays = 0.3 + random() * (monthsAgo > 6 ? 12 : 6);
  const answeredAt = new Date(created + delayDays * DAY);
  const draw = random();
  let status: ApplicationStatus;
  if (draw < 0.05) status = "withdrawn";
  else if (draw < 0.05 + answerShare && answeredAt < now) {
    const kind = random();
    status = kind < 0.4 ? "interview" : kind < 0.85 || noHire ? "refused" : "hired";
  } else status = answeredAt < now && random() < 0.4 ? "seen" : "new";
  setStatus(row, status, answeredAt < now ? answeredAt : new Date(now.getTime() - HOUR), random);
  return status;
}

function setStatus(row: Row, status: ApplicationStatus, at: Date, random: () => number): void {
  row.status = status;
  if (status === "new") return;
  if (status === "withdrawn") {
    row.withdrawn_at = at;
    return;
  }
  row.answered_at = at;
  row.answered_via = random() < 0.5 ? "space" : "link";
  if (status === "seen") return;
  row.first_decision_at = at;
  if (status === "refused") row.refusal_reason = refusalReasons[Math.floor(random() * 4)] as RefusalReason;
  if (random() < 0.6) row.answer_message = answerMessages[status as keyof typeof answerMessages];
  if (status === "hired" && random() < 0.5) row.contract_signed_at = new Date(at.getTime() + 3 * DAY);
}

async function insertCandidates(
  db: Kysely<Database>,
  candidates: Map<string, { firstName: string; lastName: string }>,
) {
  const people = [...candidates].map(([email, n]) => ({
    email,
    first_name: n.firstName,
    last_name: n.lastName,
    phone: "0600000002",
    role: "candidate" as const,
    opco_id: null,
  }));
  await db
    .insertInto("users")
    .values(people)
    .onConflict((oc) => oc.column("email").doNothing())
    .execute();
}

/**
 * The CVs of the demo recruiter's inbox and of the demo candidate, kept encrypted as a real
 * application's would be (until CV_RETENTION_DAYS after it was sent).
 */
async function keepCvs(
  db: Kysely<Database>,
  rows: Row[],
  options: { cvEncryptionKey?: Buffer | undefined; cvRetentionDays?: number | undefined },
  now: Date,
  homeUserId: string | null,
): Promise<number> {
  const key = options.cvEncryptionKey as Buffer;
  const retention = (options.cvRetentionDays ?? 60) * DAY;
  let kept = 0;
  for (const row of rows) {
    const created = new Date(row.created_at as Date);
    const mine = row.recipient_user_id === homeUserId || row.candidate_email === DEMO_CANDIDATE;
    if (!mine || created.getTime() + retention <= now.getTime()) continue;
    const sealed = sealCv(key, row.id, DEMO_PDF);
    await db
      .insertInto("application_cvs")
      .values({
        application_id: row.id,
        file_name: row.cv_file_name as string,
        content_type: "application/pdf",
        iv: sealed.iv,
        auth_tag: sealed.authTag,
        ciphertext: sealed.ciphertext,
        created_at: created,
        delete_after: new Date(created.getTime() + retention),
      })
      .execute();
    kept++;
  }
  return kept;
}

/** Each live offer's audience per day since it was published (impressions, views, apply clicks). */
async function dailyAudience(db: Kysely<Database>, live: Offer[], now: Date, random: () => number) {
  const days: { offer_id: string; day: string; impressions: number; views: number; apply_clicks: number }[] = [];
  for (const offer of live) {
    for (let t = offer.published_at.getTime(); t <= now.getTime(); t += DAY) {
      const impressions = 10 + Math.floor(random() * 60);
      const views = Math.floor(impressions * (0.1 + random() * 0.2));
      days.push({
        offer_id: offer.id,
        day: new Date(t).toISOString().slice(0, 10),
        impressions,
        views,
        apply_clicks: Math.floor(views * (0.1 + random() * 0.25)),
      });
    }
  }
  for (let i = 0; i < days.length; i += 1000) {
    await db
      .insertInto("offer_daily_stats")
      .values(days.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(["offer_id", "day"]).doNothing())
      .execute();
  }
  await sql`update offers o set views = coalesce((select sum(views) from offer_daily_stats s where s.offer_id = o.id), 0)
            where o.status = 'active' and o.contact_email like '%@demo.tremplin.localhost'`.execute(db);
  return days.length;
}
