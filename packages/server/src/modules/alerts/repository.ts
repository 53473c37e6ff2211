import { type Kysely, type Selectable, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { AlertsTable } from "../../db/tables/alerts.js";

export type Db = Kysely<Database>;
export type AlertRow = Selectable<AlertsTable>;

/** ROME 4 fiches behind codes: themselves when they are fiches, and the fiches of classic codes. */
export async function fichesOf(db: Db, codes: string[]): Promise<string[]> {
  const rows = await db
    .selectFrom("rome_fiches")
    .select("rome_code")
    .where((eb) => eb.or([eb("rome_code", "in", codes), eb("parent_rome_code", "in", codes)]))
    .orderBy("rome_code")
    .execute();
  return rows.map((r) => r.rome_code);
}

/** The ROME label of the first code (an alert made without a job label still reads well). */
export async function romeLabel(db: Db, code: string): Promise<string | null> {
  const row = await db
    .selectFrom("rome_fiches")
    .select("label")
    .where((eb) => eb.or([eb("rome_code", "=", code), eb("parent_rome_code", "=", code)]))
    .orderBy("rome_code")
    .executeTakeFirst();
  return row?.label ?? null;
}

export async function countAlertsOf(db: Db, email: string, since: Date) {
  const row = await db
    .selectFrom("alerts")
    .select([
      sql<number>`count(*) filter (where confirmed_at is null and created_at > ${since})::int`.as("pending"),
      sql<number>`count(*)::int`.as("total"),
    ])
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  return row;
}

export async function insertAlert(db: Db, alert: Omit<AlertRow, "id" | "confirmed_at">): Promise<AlertRow> {
  return db.insertInto("alerts").values(alert).returningAll().executeTakeFirstOrThrow();
}

export async function findAlert(db: Db, id: string): Promise<AlertRow | undefined> {
  return db.selectFrom("alerts").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Marks an alert confirmed once; returns the row when this call confirmed it. */
export async function markConfirmed(db: Db, id: string, now: Date): Promise<AlertRow | undefined> {
  return db
    .updateTable("alerts")
    .set({ confirmed_at: now })
    .where("id", "=", id)
    .where("confirmed_at", "is", null)
    .returningAll()
    .executeTakeFirst();
}

/** The rows alerts:send matches offers against: one per fiche, the circle as an earth box. */
export async function insertFiches(db: Db, alert: AlertRow, fiches: string[]): Promise<void> {
  if (fiches.length === 0) return;
  const radiusM = alert.radius_km * 1000;
  await sql`
    insert into alert_fiches (alert_id, rome_code, lat, lon, radius_m, area)
    select ${alert.id}::uuid, f, ${alert.lat}, ${alert.lon}, ${radiusM},
           earth_box(ll_to_earth(${alert.lat}, ${alert.lon}), ${radiusM})
    from unnest(${fiches}::text[]) as f
    on conflict do nothing
  `.execute(db);
}

export async function alertsOf(db: Db, email: string): Promise<AlertRow[]> {
  return db.selectFrom("alerts").selectAll().where("email", "=", email).orderBy("created_at", "desc").execute();
}

/** Deletes an alert (its fiches go with it); `email` restricts to the owner's. Returns whether one went. */
export async function deleteAlert(db: Db, id: string, email?: string): Promise<boolean> {
  let query = db.deleteFrom("alerts").where("id", "=", id);
  if (email !== undefined) query = query.where("email", "=", email);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A candidate's data erased: their alerts and the memory of offers mailed to them. */
export async function deleteEverythingOf(db: Db, email: string): Promise<void> {
  await db.deleteFrom("alerts").where("email", "=", email).execute();
  await db.deleteFrom("alert_deliveries").where("email", "=", email).execute();
}

export async function deleteUnconfirmedBefore(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom("alerts")
    .where("confirmed_at", "is", null)
    .where("created_at", "<=", before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteDeliveriesBefore(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom("alert_deliveries").where("sent_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
