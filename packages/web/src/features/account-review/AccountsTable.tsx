import { fr } from "@codegouvfr/react-dsfr";
import { type AccountSummary, formatFrenchDate, formatSiret } from "@tremplin/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
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

/** A page of accounts: who, where, since when, where it stands; each name opens its card. */
export function AccountsTable({ caption, items, cardPath, extraColumn, showActivity = true }: AccountsTableProps) {
  return (
    <div className={fr.cx("fr-table", "fr-table--no-caption")}>
      <div className={fr.cx("fr-table__wrapper")}>
        <div className={fr.cx("fr-table__container")}>
          <div className={fr.cx("fr-table__content")}>
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">Entreprise</th>
                  <th scope="col">Commune</th>
                  {showActivity && <th scope="col">Activité</th>}
                  <th scope="col">Inscription</th>
                  <th scope="col">Statut</th>
                  {extraColumn && <th scope="col">{extraColumn.title}</th>}
                </tr>
              </thead>
              <tbody>
                {items.map((account) => (
                  <tr key={account.id}>
                    <td>
                      <Link to={cardPath(account.id)}>{account.companyName}</Link>
                      <br />
                      <span className={fr.cx("fr-text--xs")}>
                        {account.type === "cfa" ? "CFA · " : ""}SIRET {formatSiret(account.siret)}
                      </span>
                    </td>
                    <td>{account.city ?? "—"}</td>
                    {showActivity && <td>{account.nafLabel ?? "—"}</td>}
                    <td>{formatFrenchDate(account.createdAt)}</td>
                    <td>
                      <AccountStatusBadge status={account.status} label={account.statusLabel} />
                    </td>
                    {extraColumn && <td>{extraColumn.render(account)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
