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
}

export const mainNavigation: readonly NavigationEntry[] = [
  { text: "Accueil", to: "/" },
  { text: "Trouver une alternance", to: "/recherche" },
];

const recruitEntry: NavigationEntry = { text: "Je recrute", to: "/inscription" };

const spaceEntries: Record<Me["role"], NavigationEntry> = {
  recruiter: { text: "Mon espace", to: roleHomes.recruiter },
  cfa: { text: "Mon espace", to: roleHomes.cfa },
  chamber: { text: "Mon espace", to: roleHomes.chamber },
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
  if (me.role === "opco") entries.push({ text: "Offres déposées", to: "/espace" });
  return entries;
}

/** The entry is the current section: exact match for "/", prefix match (by path segment) otherwise. */
export function isNavigationEntryActive(entry: NavigationEntry, pathname: string): boolean {
  const prefixes = [entry.to, ...(entry.matches ?? [])];
  return prefixes.some((prefix) =>
    prefix === "/" ? pathname === "/" : pathname === prefix || pathname.startsWith(`${prefix.replace(/\/$/, "")}/`),
  );
}
