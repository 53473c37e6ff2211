import type { TestApp } from "../../../test/test-app.js";
import { runJob } from "../../jobs/runner.js";
import { purgeAlertsJob, sendAlertsJob } from "./jobs.js";

/** Lyon, Place Bellecour: the fixtures' offers are in Lyon. */
export const LYON = { latitude: 45.7578, longitude: 4.832 };

let counter = 0;
export const newAddress = () => `alerte${++counter}-${Date.now()}@exemple.fr`;
/** Each request from its own IP address unless told: the per-IP limit is tested on its own. */
const nextIp = () => `198.51.100.${(++counter % 250) + 1}`;

export async function createAlert(
  t: TestApp,
  body: Record<string, unknown>,
  options: { remoteAddress?: string; headers?: Record<string, string> } = {},
) {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/v1/alerts",
    payload: { romes: ["D1102"], ...LYON, radius: 30, ...body },
    remoteAddress: options.remoteAddress ?? nextIp(),
    ...(options.headers ? { headers: options.headers } : {}),
  });
  return { status: response.statusCode, body: response.json() };
}

/** The token of the page link of an email (`?jeton=`). */
export const jetonOf = (link: string) => new URL(link).searchParams.get("jeton") as string;

/** Creates an alert, reads its confirmation email, and confirms it. */
export async function confirmedAlert(t: TestApp, body: Record<string, unknown> = {}) {
  const email = (body.email as string | undefined) ?? newAddress();
  const before = t.smtp.to(email).length;
  const created = await createAlert(t, { ...body, email });
  if (created.status !== 201) throw new Error(`alert not created: ${JSON.stringify(created.body)}`);
  await t.flushMail();
  const mails = await t.smtp.waitFor(email, before + 1);
  const link = (mails.at(-1)?.links ?? []).find((l) => l.includes("/alertes/confirmation"));
  if (!link) throw new Error("no confirmation link");
  const confirmed = await t.app.inject({
    method: "POST",
    url: "/api/v1/alerts/confirmations",
    payload: { token: jetonOf(link) },
  });
  if (confirmed.statusCode !== 200) throw new Error(`not confirmed: ${confirmed.body}`);
  return { email, id: created.body.id as string };
}

const run = (t: TestApp, job: typeof sendAlertsJob, now: string) =>
  runJob(job, { config: t.config, mailer: t.mailer, now: new Date(now), log: () => {} }, t.db, "test");

export const sendAlerts = (t: TestApp, now: string) => run(t, sendAlertsJob, now);
export const purgeAlerts = (t: TestApp, now: string) => run(t, purgeAlertsJob, now);
