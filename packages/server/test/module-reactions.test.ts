import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/db/connection.js";
import { ManualClock } from "../src/lib/clock.js";
import { createMailer } from "../src/mail/create-mailer.js";
import { type Actor, changeAccountStatus } from "../src/modules/accounts/lifecycle-service.js";
import { buildServices, type Services } from "../src/services.js";
import { insertOffer, recruiterWithCompany } from "./fixtures.js";
import { type TestApp, testConfig } from "./test-app.js";
import { createTestDatabase } from "./test-database.js";

const DAY_MS = 86_400_000;

/**
 * The cross-module reactions are arguments the composition root gives each module (services.ts):
 * they hold without the HTTP app (a CLI command or a job builds services and nothing else; no
 * buildApp in this file, so no route registers anything), and each set of services reacts with its
 * own clock and configuration, never through another's.
 */
describe("module reactions without the routes", () => {
  let db: DatabaseHandle;
  let clock: ManualClock;
  let services: Services;
  /** A second build on the same database, as a second app or a job run in the same process. */
  let other: Services;
  let otherClock: ManualClock;
  // The fixtures only need a test app's database and clock (and a cookie signer, unused here).
  let t: TestApp;
  const admin: Actor = { userId: null, label: "Équipe Tremplin", role: "admin", opcoId: null };
  const quiet = { warn: () => {}, error: () => {} };

  beforeAll(async () => {
    db = await createTestDatabase();
    clock = new ManualClock("2026-03-02T09:00:00.000Z");
    const config = testConfig();
    services = buildServices({ db, clock, config, mailer: createMailer(config, db, clock, quiet) }, quiet);
    otherClock = new ManualClock("2026-04-01T09:00:00.000Z");
    const shortLived = testConfig({ offerTtlDays: 10 });
    const otherMailer = createMailer(shortLived, db, otherClock, quiet);
    other = buildServices({ db, clock: otherClock, config: shortLived, mailer: otherMailer }, quiet);
    const app = { signCookie: (value: string) => value } as TestApp["app"];
    t = { db, clock, app } as Pick<TestApp, "db" | "clock" | "app"> as TestApp;
  });
  afterAll(async () => {
    await services.accounts.mailer.sender.stop();
    await other.accounts.mailer.sender.stop();
    await db.close();
  });

  const offerOf = async (id: string) =>
    db.db.selectFrom("offers").select(["status", "expires_at"]).where("id", "=", id).executeTakeFirstOrThrow();

  it("disabling an account through the accounts service takes its offers offline, enabling brings them back", async () => {
    const { account, establishment } = await recruiterWithCompany(t);
    const offer = await insertOffer(t, { account_id: account.id, siret: establishment.siret });

    await changeAccountStatus(services.accounts, account.id, "disable", admin, "Compte frauduleux");
    expect((await offerOf(offer.id)).status).toBe("pending");

    clock.advanceMs(60_000);
    await changeAccountStatus(services.accounts, account.id, "enable", admin, null);
    const back = await offerOf(offer.id);
    expect(back.status).toBe("active");
    expect(new Date(back.expires_at as Date).getTime()).toBe(clock.now().getTime() + 30 * DAY_MS);
  });

  it("reacts with the services that changed the account: their clock and their offers' lifetime", async () => {
    const { account, establishment } = await recruiterWithCompany(t);
    const offer = await insertOffer(t, { account_id: account.id, siret: establishment.siret });
    await changeAccountStatus(other.accounts, account.id, "disable", admin, "Vérification en cours");
    await changeAccountStatus(other.accounts, account.id, "enable", admin, null);
    const back = await offerOf(offer.id);
    expect(back.status).toBe("active");
    // 10 days from the other build's clock: not the first build's 30 days, nor its date.
    expect(new Date(back.expires_at as Date).toISOString()).toBe("2026-04-11T09:00:00.000Z");
  });
});
