import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import { contracts, formatFrenchDate, formatSiret } from "@tremplin/core";
import { callApi } from "../../../api/client.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { Loading } from "../../../components/Loading.js";
import { formatFrenchPhone } from "../../../lib/french-phone.js";

/** CFA, OPCO, chamber: the companies they posted offers for, with their contact. */
export function PartnerCompaniesSection() {
  const partners = useQuery({
    queryKey: ["partner-companies"],
    queryFn: ({ signal }) => callApi(contracts.offers.listPartnerCompanies, { signal }),
  });
  return (
    <section aria-labelledby="titre-entreprises" className={fr.cx("fr-mt-6w")}>
      <h2 id="titre-entreprises">Entreprises accompagnées</h2>
      {partners.isPending && <Loading text="Chargement des entreprises…" />}
      {partners.isError && <ApiErrorAlert error={partners.error} title="La liste n'a pas pu être chargée" />}
      {partners.data?.items.length === 0 && (
        <p>Les entreprises pour lesquelles vous déposez des offres apparaîtront ici.</p>
      )}
      {partners.data && partners.data.items.length > 0 && (
        <div className={fr.cx("fr-table", "fr-table--no-caption")}>
          <div className={fr.cx("fr-table__wrapper")}>
            <div className={fr.cx("fr-table__container")}>
              <div className={fr.cx("fr-table__content")}>
                <table>
                  <caption>Entreprises pour lesquelles vous avez déposé des offres</caption>
                  <thead>
                    <tr>
                      <th scope="col">Entreprise</th>
                      <th scope="col">Contact</th>
                      <th scope="col">Offres en ligne</th>
                      <th scope="col">Dernière offre</th>
                    </tr>
                  </thead>
                  <tbody>
                    {partners.data.items.map((item) => (
                      <tr key={item.siret}>
                        <td>
                          {item.name}
                          <br />
                          <span className={fr.cx("fr-text--xs")}>
                            SIRET {formatSiret(item.siret)}
                            {item.city && ` · ${item.city}`}
                          </span>
                        </td>
                        <td>
                          {item.contact.firstName} {item.contact.lastName}
                          <br />
                          <span className={fr.cx("fr-text--xs")}>
                            {item.contact.email}
                            {item.contact.phone && (
                              <>
                                <br />
                                {formatFrenchPhone(item.contact.phone)}
                              </>
                            )}
                          </span>
                        </td>
                        <td>
                          {item.activeOffers} sur {item.totalOffers}
                        </td>
                        <td>{formatFrenchDate(item.lastOfferAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
