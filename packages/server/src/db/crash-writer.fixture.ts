// Child process for the crash-safety test: writes committed rows forever and reports each commit.
import { sql } from "kysely";
import { openDatabase } from "./connection.js";

const dir = process.argv[2];
if (!dir) throw new Error("usage: crash-writer <dataDir>");
const handle = await openDatabase({ dataDir: dir, purpose: "crash writer" });
await sql`create table if not exists crash_probe (id serial primary key, payload text not null)`.execute(handle.db);
let committed = 0;
for (;;) {
  await handle.db.transaction().execute(async (trx) => {
    for (let i = 0; i < 20; i++) {
      await sql`insert into crash_probe (payload) values (${"x".repeat(200)})`.execute(trx);
    }
  });
  committed += 20;
  process.stdout.write(`${committed}\n`);
}
