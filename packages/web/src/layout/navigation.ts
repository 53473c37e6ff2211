/**
 * The main navigation, in display order. To add a section, add an entry here and its route in
 * app/routes.tsx. `matches` lists extra path prefixes that keep the entry highlighted.
 */
export interface NavigationEntry {
  text: string;
  to: string;
  matches?: readonly string[];
}

export const mainNavigation: readonly NavigationEntry[] = [{ text: "Accueil", to: "/" }];

/** The entry is the current section: exact match for "/", prefix match (by path segment) otherwise. */
export function isNavigationEntryActive(entry: NavigationEntry, pathname: string): boolean {
  const prefixes = [entry.to, ...(entry.matches ?? [])];
  return prefixes.some((prefix) =>
    prefix === "/" ? pathname === "/" : pathname === prefix || pathname.startsWith(`${prefix.replace(/\/$/, "")}/`),
  );
}
