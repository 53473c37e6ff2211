import { fr } from "@codegouvfr/react-dsfr";
import { type AccountSummary, displayName, formatFrenchDate, formatSiret } from "@tremplin/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { StackedTable } from "../../components/StackedTable.js";
import { AccountStatusBadge } from "../accounts/AccountStatusBadge.js";

interface AccountsTableProps {
  caption: string;
  items: AccountSummary[];
  /** Where each account's card is, e.g. (id) => `/opco/comptes/${id}`. */
  cardPath: (id: string) => string;
  /** An extra cell per row (the admin's « assign an OPCO » control). */
  extraColumn?: { title: string; render: (account: AccountSummary) => ReactNode };
  /** The activity (NAF) column; a table with an extra column leaves it out to stay readable. */
  showActivity?: boolean;
}

/**
 * A page of accounts: who, where, since when, where it stands; each name opens its card. Cells wrap
 * within the page at 1280 px and each row becomes a card on a phone (StackedTable).
 */
export function AccountsTable({ caption, items, cardPath, extraColumn, showActivity = true }: AccountsTableProps) {
  const head = [
    "Entreprise",
    "Commune",
    ...(showActivity ? ["Activité"] : []),
    "Inscription",
    "Statut",
    ...(extraColumn ? [extraColumn.title] : []),
  ];
  return (
    <StackedTable hideCaption caption={caption} head={head}>
      {items.map((account) => (
        <tr key={account.id}>
          <th scope="row">
            <Link to={cardPath(account.id)}>{displayName(account.companyName)}</Link>
            <br />
            <span className={fr.cx("fr-text--xs")}>
              {account.type === "cfa" ? "CFA · " : ""}SIRET {formatSiret(account.siret)}
            </span>
          </th>
          <td data-label="Commune">{account.city ? displayName(account.city) : "—"}</td>
          {showActivity && <td data-label="Activité">{account.nafLabel ?? "—"}</td>}
          <td data-label="Inscription">{formatFrenchDate(account.createdAt)}</td>
          <td data-label="Statut">
            <AccountStatusBadge status={account.status} label={account.statusLabel} />
          </td>
          {extraColumn && <td data-label={extraColumn.title}>{extraColumn.render(account)}</td>}
        </tr>
      ))}
    </StackedTable>
  );
}
