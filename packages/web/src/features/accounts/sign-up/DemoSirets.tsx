import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import { contracts, type DemoSiret, formatSiret } from "@tremplin/core";
import { callApi } from "../../../api/client.js";

/**
 * In demo mode (the API lists demo SIRETs; 404 otherwise), one button per case to try, each filling
 * in its SIRET. Shows nothing when demo data is off or the list cannot be read.
 */
export function DemoSirets({ onPick }: { onPick: (demo: DemoSiret) => void }) {
  const demos = useQuery({
    queryKey: ["demo-sirets"],
    queryFn: ({ signal }) => callApi(contracts.companies.listDemoSirets, { signal }),
    retry: false,
  });
  if (!demos.data || demos.data.length === 0) return null;

  return (
    <section className={fr.cx("fr-callout", "fr-mt-4w")} aria-labelledby="titre-demo-sirets">
      <h2 id="titre-demo-sirets" className={fr.cx("fr-callout__title", "fr-h6")}>
        Démonstration : essayez un SIRET fictif
      </h2>
      <p className={fr.cx("fr-callout__text", "fr-text--sm")}>
        Ces établissements n'existent pas : ils illustrent chacun un cas.
      </p>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--sm", "fr-btns-group--inline-md", "fr-mt-2w")}>
        {demos.data.map((demo) => (
          <li key={demo.siret}>
            <button
              type="button"
              className={fr.cx("fr-btn", "fr-btn--secondary", "fr-btn--sm")}
              onClick={() => onPick(demo)}
            >
              {demo.label}
              <span className="fr-sr-only">
                {" "}
                : {demo.name}, SIRET {formatSiret(demo.siret)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
