import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recruiterWithCompany } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { runJob } from "../../jobs/runner.js";
import { inviteCfaMatchingJob } from "./jobs.js";
import { loadFixtureCatalogue } from "./test-support.js";

let t: TestApp;
let cfaSiret: string;

beforeAll(async () => {
  t = await createTestApp({ now: "2026-03-02T09:00:00.000Z", config: { rateLimitPerMinute: 100_000 } });
  cfaSiret = (await loadFixtureCatalogue(t.db.db, [{ name: "CFA de Lyon", km: 5, romes: ["D1102"] }]))[
    "CFA de Lyon"
  ] as string;
});
afterAll(async () => t?.close());
beforeEach(() => t.smtp.clear());

const run = () =>
  runJob(inviteCfaMatchingJob, { config: t.config, mailer: t.mailer, now: t.clock.now(), log: () => {} }, t.db, "test");

async function offerOn(cookie: string, day: string, appellationCode = "11573") {
  t.clock.set(`${day}T09:00:00.000Z`);
  const r = await t.app.inject({
    method: "POST",
    url: "/api/v1/offers",
    headers: { cookie },
    payload: { appellationCode, startAsap: true },
  });
  return r.json().id as string;
}

describe("offers:invite-cfa-matching", () => {
  it("invites once the managers of 5–45-day-old offers with few applications, no request and CFAs nearby", async () => {
    const r = await recruiterWithCompany(t);
    const due = await offerOn(r.cookie, "2026-02-20"); // 10 days old on 2 March
    const alsoDue = await offerOn(r.cookie, "2026-01-20"); // 41 days
    const young = await offerOn(r.cookie, "2026-02-27"); // 3 days: too young, for now
    await offerOn(r.cookie, "2026-01-10"); // 51 days: expired anyway, and too old
    const popular = await offerOn(r.cookie, "2026-02-20");
    await t.db.db.updateTable("offers").set({ applications_count: 3 }).where("id", "=", popular).execute();
    const asked = await offerOn(r.cookie, "2026-02-20");
    // "Commis de cuisine" (G1602): no CFA trains for it, nor in its domain, within the radius.
    await offerOn(r.cookie, "2026-02-20", "12756");
    const other = await recruiterWithCompany(t);
    const otherDue = await offerOn(other.cookie, "2026-02-22");

    t.clock.set("2026-02-28T09:00:00.000Z");
    await t.app.inject({
      method: "POST",
      url: `/api/v1/offers/${asked}/cfa-requests`,
      headers: { cookie: r.cookie },
      payload: { cfaSirets: [cfaSiret] },
    });
    // Keep the 41-day-old offer online (offers live 30 days unless extended).
    await t.db.db.updateTable("offers").set({ status: "active" }).where("id", "=", alsoDue).execute();
    await t.flushMail();
    t.smtp.clear();

    t.clock.set("2026-03-02T09:00:00.000Z");
    const first = await run();
    expect(first.summary).toMatchObject({ invited: 3, emails: 2, withoutCfa: 1 });
    expect((await run()).summary).toMatchObject({ invited: 0, emails: 0 });
    await t.flushMail();

    const mine = t.smtp.to(r.user.email);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.subject).toBe("Des CFA proches forment aux métiers de vos offres");
    expect(mine[0]?.text).toContain("« Boulanger / Boulangère » (Au Bon Pain d'Essai, Lyon) : 1 CFA à proximité");
    expect(mine[0]?.links).toEqual(
      expect.arrayContaining([
        `http://tremplin.test/espace/offres/${due}/cfa`,
        `http://tremplin.test/espace/offres/${alsoDue}/cfa`,
      ]),
    );
    const theirs = t.smtp.to(other.user.email);
    expect(theirs.map((m) => m.subject)).toEqual([
      "Des CFA proches forment au métier de votre offre « Boulanger / Boulangère »",
    ]);
    expect(theirs[0]?.links).toContain(`http://tremplin.test/espace/offres/${otherDue}/cfa`);
    const invited = await t.db.db.selectFrom("cfa_matching_invitations").select("offer_id").execute();
    expect(invited.map((i) => i.offer_id).sort()).toEqual([due, alsoDue, otherDue].sort());

    // Three days later the young offer is due in turn; the others are not invited again.
    t.smtp.clear();
    t.clock.set("2026-03-05T09:00:00.000Z");
    expect((await run()).summary).toMatchObject({ invited: 1, emails: 1 });
    expect((await run()).summary).toMatchObject({ invited: 0, emails: 0 });
    await t.flushMail();
    expect(t.smtp.to(r.user.email).map((m) => m.links.filter((l) => l.endsWith("/cfa")))).toEqual([
      [`http://tremplin.test/espace/offres/${young}/cfa`],
    ]);
  });
});
