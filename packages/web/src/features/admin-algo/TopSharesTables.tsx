import { fr } from "@codegouvfr/react-dsfr";
import type { RunDetail } from "./run-view.js";
import { formatCount, formatShare } from "./run-view.js";

type Shares = NonNullable<RunDetail["backtestShares"]>;

function Table({
  caption,
  head,
  rows,
  steps,
}: {
  caption: string;
  head: string;
  rows: { key: string; name: string; establishments: number; hires: number; shares: number[] }[];
  steps: number[];
}) {
  return (
    <div className={fr.cx("fr-table", "fr-table--sm")}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{head}</th>
                  <th scope="col">Établissements</th>
                  <th scope="col">Contrats</th>
                  {steps.map((s) => (
                    <th scope="col" key={s}>
                      Top {Math.round(s * 100)} %
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.name}</th>
                    <td>{formatCount(r.establishments)}</td>
                    <td>{formatCount(Math.round(r.hires))}</td>
                    {r.shares.map((x, k) => (
                      <td key={steps[k]}>{formatShare(x)}</td>
                    ))}
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

/**
 * La Bonne Boîte's measure: share of the contracts signed by the top 10 %, 20 % … of establishments
 * ranked by the model, overall, per région and per NAF section.
 */
export function TopSharesTables({ shares, context }: { shares: Shares; context: string }) {
  const groups = (list: Shares["regions"]) =>
    list.map((g) => ({
      key: g.code,
      name: `${g.code} ${g.label}`,
      establishments: g.establishments,
      hires: g.hires,
      shares: g.shares,
    }));
  return (
    <>
      <Table
        caption={`Ensemble (${context})`}
        head="Périmètre"
        steps={shares.steps}
        rows={[
          {
            key: "all",
            name: "Tous les établissements",
            establishments: shares.establishments,
            hires: shares.hires,
            shares: shares.overall,
          },
        ]}
      />
      <Table caption={`Par région (${context})`} head="Région" steps={shares.steps} rows={groups(shares.regions)} />
      <Table
        caption={`Par section NAF (${context})`}
        head="Section NAF"
        steps={shares.steps}
        rows={groups(shares.sections)}
      />
    </>
  );
}
