import { sql } from "kysely";
import type { Db } from "./repository.js";

/** Figures of one month and region, as SQL returns them (region null: place unknown). */
export interface BarometerRow {
  month: string;
  region_code: string | null;
  offers_posted: number;
  applications_to_offers: number;
  spontaneous_applications: number;
  applications_answerable: number;
  answered_within_7_days: number;
  median_days_to_first_answer: number | null;
  hires: number;
}

export async function listRegions(db: Db) {
  return db.selectFrom("regions").select(["code", "name"]).orderBy("name").execute();
}

/**
 * The barometer's read model, per Paris month and region, in one statement over offers, applications,
 * communes and establishments (read only; written by their own modules). An application belongs to
 * the month it was sent and to the region of its offer's place, or of the establishment for a
 * spontaneous one. The first answer is `first_decision_at` (interview, refused or hired; « seen » is
 * not an answer). `answerable`: sent at least 7 days before `now`, so the current week does not
 * read as unanswered.
 */
export async function barometerRows(
  db: Db,
  q: { fromMonth: string; toMonth: string; now: Date; region: string | null },
): Promise<BarometerRow[]> {
  const month = (column: string) => sql`to_char(${sql.ref(column)} at time zone 'Europe/Paris', 'YYYY-MM')`;
  const fromDate = `${q.fromMonth}-01`;
  const result = await sql<BarometerRow>`
    with region_of_commune as (
      select c.insee_code, d.region_code from communes c join departements d on d.code = c.departement_code
    ),
    posted as (
      select ${month("o.published_at")} as month, r.region_code, count(*)::int as offers_posted
      from offers o
      left join region_of_commune r on r.insee_code = o.insee_code
      where o.published_at >= (${fromDate}::date - 1) and o.published_at is not null
      group by 1, 2
    ),
    sent as (
      select ${month("a.created_at")} as month,
             coalesce(ro.region_code, re.region_code) as region_code,
             count(*) filter (where a.target_kind = 'offer')::int as applications_to_offers,
             count(*) filter (where a.target_kind = 'company')::int as spontaneous_applications,
             count(*) filter (where a.created_at <= ${q.now}::timestamptz - interval '7 days')::int as applications_answerable,
             count(*) filter (where a.created_at <= ${q.now}::timestamptz - interval '7 days'
                                and a.first_decision_at <= a.created_at + interval '7 days')::int as answered_within_7_days,
             percentile_cont(0.5) within group (order by extract(epoch from a.first_decision_at - a.created_at) / 86400)
               filter (where a.first_decision_at is not null) as median_days_to_first_answer,
             count(*) filter (where a.status = 'hired' or a.contract_signed_at is not null)::int as hires
      from applications a
      left join offers o on o.id = a.offer_id
      left join region_of_commune ro on ro.insee_code = o.insee_code
      left join establishments e on a.offer_id is null and e.siret = a.siret
      left join region_of_commune re on re.insee_code = e.insee_code
      where a.created_at >= (${fromDate}::date - 1)
      group by 1, 2
    )
    select coalesce(p.month, s.month) as month, coalesce(p.region_code, s.region_code) as region_code,
           coalesce(p.offers_posted, 0) as offers_posted,
           coalesce(s.applications_to_offers, 0) as applications_to_offers,
           coalesce(s.spontaneous_applications, 0) as spontaneous_applications,
           coalesce(s.applications_answerable, 0) as applications_answerable,
           coalesce(s.answered_within_7_days, 0) as answered_within_7_days,
           s.median_days_to_first_answer,
           coalesce(s.hires, 0) as hires
    from posted p
    full join sent s on s.month = p.month and s.region_code is not distinct from p.region_code
    where coalesce(p.month, s.month) between ${q.fromMonth} and ${q.toMonth}
      ${q.region === null ? sql`` : sql`and coalesce(p.region_code, s.region_code) = ${q.region}`}
    order by 1, 2
  `.execute(db);
  return result.rows;
}

/** The national median per month needs the applications themselves (medians do not add up). */
export async function monthlyMedians(db: Db, q: { fromMonth: string; toMonth: string; region: string | null }) {
  const fromDate = `${q.fromMonth}-01`;
  const result = await sql<{ month: string; median: number | null }>`
    select to_char(a.created_at at time zone 'Europe/Paris', 'YYYY-MM') as month,
           percentile_cont(0.5) within group (order by extract(epoch from a.first_decision_at - a.created_at) / 86400) as median
    from applications a
    ${
      q.region === null
        ? sql``
        : sql`left join offers o on o.id = a.offer_id
              left join establishments e on a.offer_id is null and e.siret = a.siret
              join communes c on c.insee_code = coalesce(o.insee_code, e.insee_code)
              join departements d on d.code = c.departement_code and d.region_code = ${q.region}`
    }
    where a.first_decision_at is not null and a.created_at >= (${fromDate}::date - 1)
    group by 1
    having to_char(a.created_at at time zone 'Europe/Paris', 'YYYY-MM') between ${q.fromMonth} and ${q.toMonth}
  `.execute(db);
  return result.rows;
}
