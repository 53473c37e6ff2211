import type { AccountStatus, Role } from "@tremplin/core";
import { type Insertable, type Kysely, sql, type Updateable } from "kysely";
import type { Database } from "../../db/database.js";
import type { AccountsTable } from "../../db/tables/accounts.js";

export type Db = Kysely<Database>;

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

export async function findUserById(db: Db, id: string) {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertUser(
  db: Db,
  user: { email: string; firstName: string; lastName: string; phone: string | null; role: Role; opcoId: string | null },
) {
  return db
    .insertInto("users")
    .values({
      email: user.email,
      first_name: user.firstName,
      last_name: user.lastName,
      phone: user.phone,
      role: user.role,
      opco_id: user.opcoId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function markEmailConfirmed(db: Db, userId: string, at: Date) {
  await db
    .updateTable("users")
    .set({ email_confirmed_at: at })
    .where("id", "=", userId)
    .where("email_confirmed_at", "is", null)
    .execute();
}

export async function findAccountOfUser(db: Db, userId: string, siret: string) {
  return db
    .selectFrom("accounts")
    .selectAll()
    .where("user_id", "=", userId)
    .where("siret", "=", siret)
    .executeTakeFirst();
}

export async function insertAccount(
  db: Db,
  account: Pick<
    Insertable<AccountsTable>,
    "user_id" | "type" | "siret" | "company_name" | "status" | "opco_id" | "opco_source"
  >,
) {
  return db.insertInto("accounts").values(account).returningAll().executeTakeFirstOrThrow();
}

export async function findAccount(db: Db, id: string) {
  return db.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Locks the account row for a status change (concurrent clicks by two advisers do not both win). */
export async function findAccountForUpdate(db: Db, id: string) {
  return db.selectFrom("accounts").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function updateAccount(
  db: Db,
  id: string,
  changes: Pick<
    Updateable<AccountsTable>,
    "status" | "opco_id" | "opco_source" | "rejection_reason" | "confirmed_at" | "certified_at"
  >,
  now: Date,
) {
  return db
    .updateTable("accounts")
    .set({ ...changes, updated_at: now })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findPendingAccountsOfUser(db: Db, userId: string) {
  return db
    .selectFrom("accounts")
    .selectAll()
    .where("user_id", "=", userId)
    .where("status", "=", "pending_confirmation")
    .execute();
}

export async function insertEvent(
  db: Db,
  event: {
    accountId: string;
    actorUserId: string | null;
    actorLabel: string;
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    reason?: string | null;
    details?: unknown;
    at: Date;
  },
) {
  await db
    .insertInto("account_events")
    .values({
      account_id: event.accountId,
      actor_user_id: event.actorUserId,
      actor_label: event.actorLabel,
      action: event.action,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      reason: event.reason ?? null,
      details: event.details === undefined ? null : (JSON.stringify(event.details) as never),
      created_at: event.at,
    })
    .execute();
}

export async function listEvents(db: Db, accountId: string) {
  return db.selectFrom("account_events").selectAll().where("account_id", "=", accountId).orderBy("id").execute();
}

export async function listOrganisationsOfUser(db: Db, userId: string) {
  return db
    .selectFrom("accounts as a")
    .leftJoin("opcos as o", "o.id", "a.opco_id")
    .select([
      "a.id",
      "a.type",
      "a.siret",
      "a.company_name",
      "a.status",
      "a.opco_id",
      "a.rejection_reason",
      "o.name as opco_name",
    ])
    .where("a.user_id", "=", userId)
    .orderBy("a.created_at")
    .execute();
}

/** Filters shared by the OPCO space and the admin lists. */
export interface AccountFilter {
  opcoId?: string | null | undefined; // null → accounts without OPCO (admin queue)
  status: "waiting" | "certified" | "rejected" | "unconfirmed" | "disabled" | "all";
  q?: string | undefined;
  page: number;
  pageSize: number;
}

const statusesFor: Record<AccountFilter["status"], AccountStatus[] | null> = {
  waiting: ["active"],
  certified: ["certified"],
  rejected: ["rejected"],
  unconfirmed: ["pending_confirmation"],
  disabled: ["disabled"],
  all: null,
};

function filtered(db: Db, filter: AccountFilter) {
  let query = db
    .selectFrom("accounts as a")
    .leftJoin("establishments as e", "e.siret", "a.siret")
    .leftJoin("naf_codes as n", "n.code", "e.naf_code")
    .leftJoin("opcos as o", "o.id", "a.opco_id");
  if (filter.opcoId === null) query = query.where("a.opco_id", "is", null);
  else if (filter.opcoId !== undefined) query = query.where("a.opco_id", "=", filter.opcoId);
  const statuses = statusesFor[filter.status];
  if (statuses) query = query.where("a.status", "in", statuses);
  if (filter.q) {
    const digits = filter.q.replace(/\s/g, "");
    query = /^\d{3,14}$/.test(digits)
      ? query.where("a.siret", "like", `${digits}%`)
      : query.where(sql<boolean>`normalize_search(a.company_name) like '%' || normalize_search(${filter.q}) || '%'`);
  }
  return query;
}

export async function listAccounts(db: Db, filter: AccountFilter) {
  const [rows, total] = await Promise.all([
    filtered(db, filter)
      .select([
        "a.id",
        "a.type",
        "a.siret",
        "a.company_name",
        "a.status",
        "a.opco_id",
        "a.opco_source",
        "a.created_at",
        "o.name as opco_name",
        "e.city",
        "n.label as naf_label",
      ])
      .orderBy("a.created_at", "desc")
      .orderBy("a.id")
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    filtered(db, filter)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findAccountCardRow(db: Db, id: string) {
  return db
    .selectFrom("accounts as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .leftJoin("establishments as e", "e.siret", "a.siret")
    .leftJoin("naf_codes as n", "n.code", "e.naf_code")
    .leftJoin("opcos as o", "o.id", "a.opco_id")
    .select([
      "a.id",
      "a.type",
      "a.siret",
      "a.company_name",
      "a.status",
      "a.opco_id",
      "a.opco_source",
      "a.created_at",
      "a.rejection_reason",
      "o.name as opco_name",
      "u.first_name",
      "u.last_name",
      "u.email",
      "u.phone",
      "e.name as establishment_name",
      "e.brand",
      "e.naf_code",
      "n.label as naf_label",
      "e.headcount_band",
      "e.street",
      "e.postal_code",
      "e.city",
      "e.diffusion",
    ])
    .where("a.id", "=", id)
    .executeTakeFirst();
}

export async function findIdcc(db: Db, siret: string): Promise<number | null> {
  const row = await db
    .selectFrom("establishment_idccs")
    .select("idcc")
    .where("siret", "=", siret)
    .orderBy("month", "desc")
    .executeTakeFirst();
  return row?.idcc ?? null;
}

export async function findOpco(db: Db, id: string) {
  return db.selectFrom("opcos").select(["id", "name"]).where("id", "=", id).executeTakeFirst();
}

export async function findOpcoByName(db: Db, name: string) {
  return db
    .selectFrom("opcos")
    .select(["id", "name"])
    .where((eb) =>
      eb.or([
        eb(sql`lower(name)`, "=", name.toLowerCase()),
        eb(sql`lower(id)`, "=", name.toLowerCase()),
        eb(sql`lower(source_label)`, "=", name.toLowerCase()),
      ]),
    )
    .executeTakeFirst();
}
