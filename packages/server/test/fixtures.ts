import { luhnCheckDigit, type Role } from "@tremplin/core";
import type { Insertable } from "kysely";
import type { EstablishmentsTable } from "../src/db/tables/companies.js";
import { hashToken, newToken } from "../src/modules/accounts/tokens.js";
import type { TestApp } from "./test-app.js";

let counter = 0;

/** A fresh, checksum-valid SIRET (and SIREN) for fixtures: 8 digits of counter, then check digits. */
export function newSiret(prefix = "91"): string {
  counter++;
  const base = `${prefix}${String(counter + Math.floor(Math.random() * 900_000)).padStart(6, "0")}`.slice(0, 8);
  const siren = `${base}${luhnCheckDigit(base)}`;
  const nic = `${String(counter % 10_000).padStart(4, "0")}`;
  return `${siren}${nic}${luhnCheckDigit(`${siren}${nic}`)}`;
}

/** Inserts an establishment (active, diffusible bakery in Lyon unless told otherwise). */
export async function insertEstablishment(
  t: TestApp,
  overrides: Partial<Insertable<EstablishmentsTable>> & { idcc?: number } = {},
) {
  const { idcc, ...fields } = overrides;
  const siret = fields.siret ?? newSiret();
  const row: Insertable<EstablishmentsTable> = {
    siret,
    siren: siret.slice(0, 9),
    name: "BOULANGERIE FIXTURE SAS",
    brand: "Au Bon Pain d'Essai",
    naf_code: "1071C",
    headcount_band: "11",
    street: "12 RUE DE LA REPUBLIQUE",
    postal_code: "69002",
    city: "Lyon",
    insee_code: "69382",
    lat: 45.7597,
    lon: 4.8357,
    geo_precision: "address",
    admin_state: "A",
    diffusion: "O",
    created_on: "2015-03-01",
    ...fields,
  };
  await t.db.db.insertInto("establishments").values(row).execute();
  if (idcc !== undefined) {
    await t.db.db.insertInto("establishment_idccs").values({ siret, idcc, month: "2026-01" }).execute();
  }
  return row;
}

let userCounter = 0;

/** A signed-in person of a role, with a live session; returns the cookie to send. */
export async function signedIn(t: TestApp, role: Role, options: { opcoId?: string; email?: string } = {}) {
  userCounter++;
  const user = await t.db.db
    .insertInto("users")
    .values({
      email: options.email ?? `${role}${userCounter}-${Date.now()}@example.fr`,
      first_name: "Camille",
      last_name: `Test${userCounter}`,
      phone: "0612345678",
      role,
      opco_id: role === "opco" ? (options.opcoId ?? "opco-ep") : null,
      email_confirmed_at: t.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const token = newToken();
  const now = t.clock.now();
  await t.db.db
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      user_id: user.id,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + 365 * 86_400_000),
    })
    .execute();
  const cookie = `tremplin_session=${t.app.signCookie(token)}`;
  return { user, token, cookie, headers: { cookie } };
}

/**
 * A company account (active unless told otherwise) for a signed-in recruiter, on a fresh
 * establishment. Verified (its OPCO knows the address, ADR 009) unless `verified: false`.
 */
export async function recruiterWithCompany(
  t: TestApp,
  options: {
    status?: "pending_confirmation" | "active" | "certified" | "rejected";
    idcc?: number;
    establishment?: Partial<Insertable<EstablishmentsTable>>;
    verified?: boolean;
  } = {},
) {
  const establishment = await insertEstablishment(t, {
    ...(options.idcc ? { idcc: options.idcc } : {}),
    ...options.establishment,
  });
  const session = await signedIn(t, "recruiter");
  const account = await t.db.db
    .insertInto("accounts")
    .values({
      user_id: session.user.id,
      type: "company",
      siret: establishment.siret,
      company_name: establishment.brand ?? establishment.name ?? "Entreprise",
      status: options.status ?? "active",
      opco_id: "opco-ep",
      opco_source: "idcc",
      ...(options.verified === false
        ? {}
        : { verified_at: t.clock.now(), verification_method: "opco_contact" as const, verified_by: "fixture" }),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...session, establishment, account };
}

/** An offer row written directly (search and diffusion tests need many, placed precisely). */
export async function insertOffer(
  t: TestApp,
  overrides: Partial<Insertable<import("../src/db/tables/offers.js").OffersTable>> = {},
) {
  const now = t.clock.now();
  return t.db.db
    .insertInto("offers")
    .values({
      siret: "35600000000048",
      company_name: "Boulangerie Fixture",
      contact_first_name: "Léa",
      contact_last_name: "Martin",
      contact_email: "recrutement@fixture.example",
      contact_phone: "0612345678",
      appellation_code: "11573",
      appellation_label: "Boulanger / Boulangère",
      rome_code: "D1102",
      rome_label: "Boulanger / Boulangère",
      rome_version: "ROME 4.0 v4.60",
      title: "Boulanger / Boulangère",
      description: "Prépare et façonne les pains.",
      access: "CAP boulanger.",
      skills: JSON.stringify([]),
      start_date: null,
      start_asap: true,
      contract_types: ["apprentissage"],
      duration_months: 24,
      positions: 1,
      disability_friendly: false,
      lat: 45.764,
      lon: 4.8357,
      city: "Lyon",
      postal_code: "69001",
      status: "active",
      published_at: now,
      expires_at: new Date(now.getTime() + 30 * 86_400_000),
      created_at: now,
      updated_at: now,
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
