import { contracts, type Me, type Role } from "@tremplin/core";

/** Where each role works. Mirrors the `redirectTo` the API gives after a sign-in. */
export const roleHomes: Record<Role, string> = {
  recruiter: "/espace",
  cfa: "/espace",
  chamber: "/espace",
  opco: "/opco",
  admin: "/admin",
  candidate: "/mes-candidatures",
};

/** Who a role is, in the words of the pages that refuse or welcome them. */
export const roleLabels: Record<Role, string> = {
  recruiter: "entreprises qui recrutent",
  cfa: "centres de formation (CFA)",
  chamber: "chambres consulaires",
  opco: "conseillers OPCO",
  admin: "administrateurs de Tremplin",
  candidate: "candidats",
};

/** Roles that post offers and have a recruiter space. */
export const posterRoles = ["recruiter", "cfa", "opco", "chamber"] as const satisfies readonly Role[];

/** Roles that post for companies they are not (and must name the company and its contact). */
export function isIntermediary(role: Role): boolean {
  return role === "cfa" || role === "opco" || role === "chamber";
}

/** « Camille Martin », or the email when the names are empty (staff created from the CLI). */
export function displayName(me: Pick<Me, "firstName" | "lastName" | "email">): string {
  const name = `${me.firstName} ${me.lastName}`.trim();
  return name || me.email;
}

const redirectToSchema = contracts.accounts.requestMagicLink.body.shape.redirectTo;

/**
 * A « retour » address from the query string, kept only when it is a path of this site (the
 * contract's own rule: no //other.site, no backslash trick); null otherwise.
 */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value) return null;
  return redirectToSchema.safeParse(value).success ? value : null;
}

/** The sign-in page that brings the person back to `path` afterwards. */
export function signInPathFor(path: string): string {
  return safeReturnPath(path) && path !== "/" ? `/connexion?retour=${encodeURIComponent(path)}` : "/connexion";
}
