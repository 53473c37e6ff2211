import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { insertEstablishment, signedIn } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";

let n = 0;

/**
 * One test app for a file of the identity tests (a high rate limit: they sign up many people from few
 * addresses) and a signed-in admin, handed to `ready` before the tests; the SMTP receiver is emptied
 * before each test and the app closed after the file.
 */
export function withMembershipTestApp(ready: (t: TestApp, admin: { cookie: string }) => void): void {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await createTestApp({ config: { rateLimitPerMinute: 100_000 } });
    ready(t, await signedIn(t, "admin"));
  });
  afterAll(async () => t?.close());
  beforeEach(() => t?.smtp.clear());
}

/**
 * Signs up through the API and follows the emailed confirmation link, as a person would: the
 * account is then active, and verified or not depending on what is known of the address.
 */
export async function signUpAndConfirm(
  t: TestApp,
  input: { siret: string; email: string; type?: "company" | "cfa"; firstName?: string; lastName?: string },
) {
  n++;
  const created = await t.app.inject({
    method: "POST",
    url: "/api/v1/accounts",
    remoteAddress: `10.77.${Math.floor(n / 250)}.${n % 250}`,
    payload: {
      type: input.type ?? "company",
      siret: input.siret,
      email: input.email,
      firstName: input.firstName ?? "Nina",
      lastName: input.lastName ?? "Roux",
      phone: "0612345678",
      opco: "unknown",
    },
  });
  if (created.statusCode !== 201) throw new Error(`sign-up failed: ${created.body}`);
  const id = created.json().id as string;
  await t.flushMail();
  const mail = (await t.smtp.waitFor(input.email.toLowerCase())).find((m) =>
    m.subject.startsWith("Confirmez votre adresse"),
  );
  const link = mail?.links.find((l) => l.includes("jeton=")) as string;
  const verified = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/magic-link/verify",
    // Sign-in has its own fixed limit per address: each person confirms from their own.
    remoteAddress: `10.79.${Math.floor(n / 250)}.${n % 250}`,
    payload: { token: new URL(link).searchParams.get("jeton") },
  });
  if (verified.statusCode !== 200) throw new Error(`confirmation failed: ${verified.body}`);
  const cookie = verified.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return { id, email: input.email.toLowerCase(), cookie };
}

/** The verification columns of an account, as stored. */
export async function verificationOf(t: TestApp, accountId: string) {
  return t.db.db
    .selectFrom("accounts")
    .select(["status", "verified_at", "verification_method", "verified_by"])
    .where("id", "=", accountId)
    .executeTakeFirstOrThrow();
}

export async function call(
  t: TestApp,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  options: { cookie?: string; payload?: object } = {},
) {
  n++;
  const r = await t.app.inject({
    method,
    url,
    remoteAddress: `10.78.${Math.floor(n / 250)}.${n % 250}`,
    ...(options.cookie ? { headers: { cookie: options.cookie } } : {}),
    ...(options.payload ? { payload: options.payload } : {}),
  });
  return { status: r.statusCode, body: r.body.startsWith("{") ? r.json() : r.body };
}

/** A company whose administrator was certified, a colleague verified by the shared domain, and a pending sign-up. */
export async function companyWithThreePeople(t: TestApp, admin: { cookie: string }, domain: string) {
  const company = await insertEstablishment(t, { idcc: 843 });
  const owner = await signUpAndConfirm(t, { siret: company.siret, email: `patronne@${domain}` });
  expect((await call(t, "POST", `/api/v1/opco/accounts/${owner.id}/certify`, { cookie: admin.cookie })).status).toBe(
    200,
  );
  const colleague = await signUpAndConfirm(t, { siret: company.siret, email: `second@${domain}` });
  expect(await verificationOf(t, colleague.id)).toMatchObject({ verification_method: "verified_domain" });
  const pending = await signUpAndConfirm(t, {
    siret: company.siret,
    email: `curieux.${domain.split(".")[0]}@gmail.com`,
  });
  expect((await verificationOf(t, pending.id)).verified_at).toBeNull();
  return { company, owner, colleague, pending };
}
