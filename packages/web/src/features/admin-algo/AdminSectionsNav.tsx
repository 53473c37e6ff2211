import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";

/** The admin's pages, in the order of their daily use. */
export const adminSections = [
  { to: "/admin", label: "Comptes" },
  { to: "/admin/signalements", label: "Signalements" },
  { to: "/admin/algorithme", label: "Algorithme : calculs" },
  { to: "/admin/algorithme/demandes", label: "Retraits et référencements" },
  { to: "/admin/cles-api", label: "Clés d'API" },
] as const;

/**
 * Links between the admin's pages; the current one is marked for screen readers and by style (none
 * on a page below them, such as one company's).
 */
export function AdminSectionsNav({ current }: { current?: (typeof adminSections)[number]["to"] }) {
  return (
    <nav aria-label="Pages de l'administration" className={fr.cx("fr-mb-3w")}>
      <ul className={fr.cx("fr-tags-group")}>
        {adminSections.map((section) => (
          <li key={section.to}>
            <Link
              className={fr.cx("fr-tag")}
              to={section.to}
              aria-current={section.to === current ? "page" : undefined}
            >
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
