import type { Me } from "@tremplin/core";
import { roleHomes } from "../auth/roles.js";

/**
 * The main navigation, in display order. To add a section, add an entry here and its route in
 * app/App.tsx. `matches` lists extra path prefixes that keep the entry highlighted.
 */
export interface NavigationEntry {
  text: string;
  to: string;
  matches?: readonly string[];
  /** Sub-paths that belong to another entry (/espace/candidatures is not « Mon espace »). */
  excludes?: readonly string[];
}

export const mainNavigation: readonly NavigationEntry[] = [
  { text: "Accueil", to: "/" },
  { text: "Trouver une alternance", to: "/recherche" },
];

const recruitEntry: NavigationEntry = { text: "Je recrute", to: "/inscription" };

const inboxPath = "/espace/candidatures";
const inboxEntry: NavigationEntry = { text: "Candidatures reçues", to: inboxPath };
const spaceEntries: Record<Me["role"], NavigationEntry> = {
  recruiter: { text: "Mon espace", to: roleHomes.recruiter, excludes: [inboxPath] },
  cfa: { text: "Mon espace", to: roleHomes.cfa, excludes: [inboxPath] },
  chamber: { text: "Mon espace", to: roleHomes.chamber, excludes: [inboxPath] },
  opco: { text: "Espace OPCO", to: roleHomes.opco },
  admin: { text: "Administration", to: roleHomes.admin },
  candidate: { text: "Mes candidatures", to: roleHomes.candidate },
};

/**
 * The menu for who is there: visitors are invited to recruit; a signed-in person gets their space
 * (an OPCO adviser also their offers space, where they post for companies). While the session is
 * being checked (undefined), only the entries everyone has.
 */
export function navigationFor(me: Me | null | undefined): readonly NavigationEntry[] {
  if (me === undefined) return mainNavigation;
  if (me === null) return [...mainNavigation, recruitEntry];
  const entries = [...mainNavigation, spaceEntries[me.role]];
  if (me.role === "opco") entries.push({ text: "Offres déposées", to: "/espace", excludes: [inboxPath] });
  // Whoever posts offers receives applications; a candidate follows theirs and their alerts.
  if (me.role !== "admin" && me.role !== "candidate") entries.push(inboxEntry);
  if (me.role === "candidate") entries.push({ text: "Mes alertes", to: "/mes-alertes" });
  return entries;
}

/** The entry is the current section: exact match for "/", prefix match (by path segment) otherwise. */
export function isNavigationEntryActive(entry: NavigationEntry, pathname: string): boolean {
  const under = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  if (entry.excludes?.some(under)) return false;
  const prefixes = [entry.to, ...(entry.matches ?? [])];
  return prefixes.some((prefix) =>
    prefix === "/" ? pathname === "/" : pathname === prefix || pathname.startsWith(`${prefix.replace(/\/$/, "")}/`),
  );
}
