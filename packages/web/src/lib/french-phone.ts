/** « 0612345678 » → « 06 12 34 56 78 », the way French numbers are read; other forms are left as stored. */
export function formatFrenchPhone(phone: string): string {
  return /^0\d{9}$/.test(phone) ? (phone.match(/\d{2}/g) ?? []).join(" ") : phone;
}
