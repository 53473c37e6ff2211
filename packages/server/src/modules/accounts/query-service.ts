import type { AccountCard, Me } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { AppError } from "../../lib/app-error.js";
import { presentAccountCard, presentAccountSummary, presentMe } from "./presenter.js";
import * as repo from "./repository.js";

export const PAGE_SIZE = 25;

/** The signed-in person with their organisations. */
export async function getMe(db: Kysely<Database>, userId: string): Promise<Me> {
  const user = await repo.findUserById(db, userId);
  if (!user) throw new AppError("UNAUTHENTICATED");
  const [opco, organisations] = await Promise.all([
    user.opco_id ? repo.findOpco(db, user.opco_id) : Promise.resolve(undefined),
    repo.listOrganisationsOfUser(db, user.id),
  ]);
  return presentMe(user, opco ?? null, organisations);
}

/** A page of accounts matching the filter. */
export async function listAccountSummaries(db: Kysely<Database>, filter: Omit<repo.AccountFilter, "pageSize">) {
  const { rows, total } = await repo.listAccounts(db, { ...filter, pageSize: PAGE_SIZE });
  return { items: rows.map(presentAccountSummary), total, page: filter.page, pageSize: PAGE_SIZE };
}

/** The card of an account; for an OPCO adviser only within their OPCO (ACCOUNT_NOT_FOUND otherwise). */
export async function getAccountCard(db: Kysely<Database>, id: string, perimeterOpcoId?: string): Promise<AccountCard> {
  const row = await repo.findAccountCardRow(db, id);
  if (!row || (perimeterOpcoId !== undefined && row.opco_id !== perimeterOpcoId))
    throw new AppError("ACCOUNT_NOT_FOUND");
  const events = await repo.listEvents(db, id);
  const card = presentAccountCard(row, events);
  return { ...card, company: { ...card.company, idcc: await repo.findIdcc(db, row.siret) } };
}
