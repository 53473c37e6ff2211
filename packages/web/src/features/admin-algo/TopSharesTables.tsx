import { StackedTable } from "../../components/StackedTable.js";
import type { TopShares } from "./run-view.js";
import { formatCount, formatShare, stepLabel } from "./run-view.js";

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
  const stepHeads = steps.map(stepLabel);
  // Twelve columns do not fit a phone: StackedTable turns each row into a card of labelled values.
  return (
    <StackedTable small caption={caption} head={[head, "Établissements", "Contrats", ...stepHeads]}>
      {rows.map((r) => (
        <tr key={r.key}>
          <th scope="row">{r.name}</th>
          <td data-label="Établissements">{formatCount(r.establishments)}</td>
          <td data-label="Contrats">{formatCount(Math.round(r.hires))}</td>
          {r.shares.map((x, k) => (
            <td key={steps[k]} data-label={stepHeads[k]}>
              {formatShare(x)}
            </td>
          ))}
        </tr>
      ))}
    </StackedTable>
  );
}

/**
 * La Bonne Boîte's measure: share of the contracts signed by the top 10 %, 20 % … of establishments
 * ranked by the model, overall, per région and per NAF section.
 */
export function TopSharesTables({ shares, context }: { shares: TopShares; context: string }) {
  const groups = (list: TopShares["regions"]) =>
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
