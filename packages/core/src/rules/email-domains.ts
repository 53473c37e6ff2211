/**
 * Public mailbox providers: anyone can open an address there, so such a domain never says who a
 * person works for. A domain already verified for a SIREN verifies a newcomer only when it is not
 * one of these. Maintained list (French providers first, then the big international ones); a
 * subdomain of a listed domain counts as listed. Add a provider here when support sees one.
 */
export const publicMailboxDomains: ReadonlySet<string> = new Set([
  // France
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "sfr.fr",
  "neuf.fr",
  "9online.fr",
  "club-internet.fr",
  "aliceadsl.fr",
  "bbox.fr",
  "numericable.fr",
  "noos.fr",
  "laposte.net",
  "voila.fr",
  "cegetel.net",
  "libertysurf.fr",
  "tele2.fr",
  "dbmail.com",
  "netcourrier.com",
  "mailo.com",
  "gmx.fr",
  "yahoo.fr",
  "hotmail.fr",
  "live.fr",
  "msn.fr",
  "outlook.fr",
  "aol.fr",
  "icloud.fr",
  // International
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "ymail.com",
  "hotmail.com",
  "live.com",
  "outlook.com",
  "msn.com",
  "aol.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "gmx.com",
  "gmx.net",
  "gmx.de",
  "web.de",
  "mail.com",
  "protonmail.com",
  "proton.me",
  "pm.me",
  "tutanota.com",
  "tuta.io",
  "yandex.com",
  "yandex.ru",
  "mail.ru",
  "zoho.com",
  "fastmail.com",
  "hey.com",
  "qq.com",
  "163.com",
]);

/** The domain of an address, lower-cased ("" when there is none). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0
    ? ""
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/** Whether the address is at a public mailbox provider (or one of its subdomains). */
export function isPublicMailboxDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  for (let i = 0; i >= 0; i = d.indexOf(".", i + 1)) {
    if (publicMailboxDomains.has(i === 0 ? d : d.slice(i + 1))) return true;
  }
  return false;
}
