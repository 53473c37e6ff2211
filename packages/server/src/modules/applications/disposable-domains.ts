import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { repoRoot } from "../../lib/paths.js";

const listFile = path.join(repoRoot, "data", "disposable-email-domains", "disposable_email_blocklist.json.gz");

/** Cache of the list below, read on first use. */
let domains: ReadonlySet<string> | undefined;

/** The disposable domains (data/disposable-email-domains), read once per process (~9k names, a few ms). */
export function disposableDomains(): ReadonlySet<string> {
  if (!domains) {
    const list = JSON.parse(gunzipSync(readFileSync(listFile)).toString("utf8")) as unknown;
    if (!Array.isArray(list) || list.length === 0) throw new Error(`Disposable domain list unreadable: ${listFile}`);
    domains = new Set(list.map((d) => String(d).trim().toLowerCase()).filter(Boolean));
  }
  return domains;
}

/** True when the address belongs to a disposable domain, or to a subdomain of one. */
export function isDisposableEmail(email: string): boolean {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  const list = disposableDomains();
  const labels = domain.split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    if (list.has(labels.slice(i).join("."))) return true;
  }
  return false;
}
