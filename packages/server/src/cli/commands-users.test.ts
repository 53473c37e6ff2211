import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { usersCreate } from "./commands-users.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function usersCreateWith(values: Record<string, string>) {
  const printed: string[] = [];
  await usersCreate.run(
    { values, positionals: [] },
    {
      config: t.config,
      database: async () => t.db,
      services: async () => t.services,
      print: (line) => printed.push(line),
    },
  );
  return printed;
}

describe("users:create", () => {
  it("creates an OPCO adviser of an OPCO named by the CLI, and emails them a sign-in link", async () => {
    const printed = await usersCreateWith({ role: "opco", email: "ines@atlas.example.fr", opco: "atlas" });
    expect(printed).toEqual([expect.stringMatching(/^Créé : ines@atlas\.example\.fr \(opco, atlas\)\./)]);
    const user = await t.db.db
      .selectFrom("users")
      .selectAll()
      .where("email", "=", "ines@atlas.example.fr")
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: "opco", opco_id: "atlas", first_name: "ines", last_name: "", phone: null });
    await t.smtp.waitFor("ines@atlas.example.fr", 1);
    expect(t.smtp.to("ines@atlas.example.fr")[0]?.links.some((l) => l.includes("/connexion/lien?jeton="))).toBe(true);
  });

  it("creates an admin with the names given", async () => {
    await usersCreateWith({ role: "admin", email: "alex@example.fr", "first-name": "Alex", "last-name": "Martin" });
    const user = await t.db.db
      .selectFrom("users")
      .selectAll()
      .where("email", "=", "alex@example.fr")
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: "admin", opco_id: null, first_name: "Alex", last_name: "Martin" });
  });

  it("refuses an unknown OPCO, listing the known ones, and an address already taken", async () => {
    await expect(usersCreateWith({ role: "opco", email: "x@example.fr", opco: "Inconnu" })).rejects.toThrow(
      /^OPCO inconnu : « Inconnu »\. OPCO possibles : .*Atlas/,
    );
    await expect(usersCreateWith({ role: "opco", email: "x@example.fr" })).rejects.toThrow(/--opco est obligatoire/);
    await expect(usersCreateWith({ role: "chamber", email: "alex@example.fr" })).rejects.toThrow(
      "Une personne existe déjà avec l'adresse alex@example.fr.",
    );
    const users = await t.db.db.selectFrom("users").select("id").where("email", "=", "x@example.fr").execute();
    expect(users).toHaveLength(0);
  });
});
