import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertOffer } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { activeOfferPages } from "./active-offer-pages.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function collect(options: Parameters<typeof activeOfferPages>[1]) {
  const pages: string[][] = [];
  for await (const page of activeOfferPages(t.db.db, options)) pages.push(page.map((o) => o.id));
  return pages;
}

describe("the one loop over active offers (sitemaps, feed, export)", () => {
  it("walks every active offer once, in id order, page by page; stops at max; resumes after an id", async () => {
    const active = [];
    for (let i = 0; i < 5; i++) active.push((await insertOffer(t)).id);
    await insertOffer(t, { status: "filled" });
    const ids = [...active].sort();

    const pages = await collect({ pageSize: 2 });
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(ids);

    expect((await collect({ pageSize: 2, max: 3 })).flat()).toEqual(ids.slice(0, 3));
    expect((await collect({ pageSize: 10, after: ids[1] })).flat()).toEqual(ids.slice(2));
    expect(await collect({ after: ids[4] })).toEqual([]);
  });
});
