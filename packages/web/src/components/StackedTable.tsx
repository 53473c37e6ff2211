import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

/**
 * A DSFR table that fits its column (cells wrap instead of widening the page) and becomes one card
 * per row on phones (global.css, .app-stacked-table): give each <td> a data-label, the row's title
 * is its <th scope="row">. The scrolling container is focusable, so that a keyboard user
 * can scroll it if a long word still overflows.
 */
export function StackedTable({
  caption,
  head,
  children,
  small = false,
  hideCaption = false,
}: {
  caption: string;
  head: string[];
  children: ReactNode;
  small?: boolean;
  hideCaption?: boolean;
}) {
  return (
    <div className={fr.cx("fr-table", small && "fr-table--sm", hideCaption && "fr-table--no-caption", "fr-mb-3w")}>
      <div className="fr-table__wrapper">
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable with the keyboard (axe scrollable-region-focusable). */}
        <div className="fr-table__container" tabIndex={0}>
          <div className="fr-table__content">
            <table className="app-stacked-table">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {head.map((title) => (
                    <th key={title} scope="col">
                      {title}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>{children}</tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
