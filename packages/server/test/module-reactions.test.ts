import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/db/connection.js";
import { ManualClock } from "../src/lib/clock.js";
import { createMailer } from "../src/mail/create-mailer.js";
import { wireModuleReactions } from "../src/module-reactions.js";
import { candidateErasers } from "../src/modules/accounts/candidate-service.js";
import { type Actor, changeAccountStatus, statusChangeListeners } from "../src/modules/accounts/lifecycle-service.js";
import { offerPublishedListeners } from "../src/modules/offers/published-listeners.js";
import { buildServices, type Services } from "../src/services.js";
import { insertOffer, recruiterWithCompany } from "./fixtures.js";
import { type TestApp, testConfig } from "./test-app.js";
import { createTestDatabase } from "./test-database.js";

/**
 * The cross-module reactions hold without the HTTP app: a CLI command or a job wires them with
 * buildServices and wireModuleReactions and nothing else. No buildApp in this file, so no route registers anything.
 */
describe("module reactions without the routes", () => {
  let db: DatabaseHandle;
  let clock: ManualClock;
  let services: Services;
  // The fixtures only need a test app's database and clock (and a cookie signer, unused here).
  let t: TestApp;
  const admin: Actor = { userId: null, label: "Équipe Tremplin", role: "admin", opcoId: null };

  beforeAll(async () => {
    db = await createTestDatabase();
    clock = new ManualClock("2026-03-02T09:00:00.000Z");
    const config = testConfig();
    const mailer = createMailer(config, db, clock, { warn: () => {}, error: () => {} });
    services = buildServices({ db, clock, config, mailer }, { warn: () => {} });
    const app = { signCookie: (value: string) => value } as TestApp["app"];
    t = { db, clock, app } as Pick<TestApp, "db" | "clock" | "app"> as TestApp;
  });
  afterAll(async () => {
    await services.accounts.mailer.sender.stop();
    await db.close();
  });

  it("wires each reaction once, however many times it is called", () => {
    expect(statusChangeListeners.size).toBe(0);
    const unwire = wireModuleReactions(services);
    const again = wireModuleReactions({ ...services });
    expect(statusChangeListeners.size).toBe(1);
    expect(offerPublishedListeners.size).toBe(1);
    expect(candidateErasers.size).toBe(2);
    unwire();
    expect(offerPublishedListeners.size).toBe(1);
    again();
    expect(offerPublishedListeners.size).toBe(0);
    expect(candidateErasers.size).toBe(1);
  });

  it("disabling an account through the accounts service takes its offers offline, enabling brings them back", async () => {
    const unwire = wireModuleReactions(services);
    try {
      const { account, establishment } = await recruiterWithCompany(t);
      const offer = await insertOffer(t, { account_id: account.id, siret: establishment.siret });
      const statusOf = async () =>
        (await db.db.selectFrom("offers").select("status").where("id", "=", offer.id).executeTakeFirstOrThrow()).status;

      await changeAccountStatus(services.accounts, account.id, "disable", admin, "Compte frauduleux");
      expect(await statusOf()).toBe("pending");

      clock.advanceMs(60_000);
      await changeAccountStatus(services.accounts, account.id, "enable", admin, null);
      expect(await statusOf()).toBe("active");
    } finally {
      unwire();
    }
  });
});
