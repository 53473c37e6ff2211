import { useQuery } from "@tanstack/react-query";
import { contracts, type Me, type PublicOffer, siretSchema } from "@tremplin/core";
import { callApi } from "../../../api/client.js";
import { isIntermediary } from "../../../auth/roles.js";
import { companyDisplayName } from "../../accounts/sign-up/sign-up-flow.js";
import { placeLabel } from "../offer-view.js";
import type { PreviewCompany } from "./preview-view.js";

/** The company organisations a recruiter posts for (a CFA's own account is not one). */
export function companyOrganisations(me: Me): Me["organisations"] {
  return me.organisations.filter((organisation) => organisation.type === "company");
}

function intermediaryOf(me: Me): PublicOffer["intermediary"] {
  if (me.role === "cfa") {
    const cfa = me.organisations.find((organisation) => organisation.type === "cfa");
    return { kind: "cfa", name: cfa?.name ?? "Centre de formation" };
  }
  if (me.role === "opco") return { kind: "opco", name: me.opco?.name ?? "OPCO" };
  if (me.role === "chamber") return { kind: "chamber", name: "Chambre consulaire" };
  return null;
}

/**
 * Who the preview shows as the employer: the recruiter's establishment, or the company an
 * intermediary names by its SIRET (looked up in the directory once the SIRET is valid).
 */
export function usePreviewCompany(
  me: Me,
  siret: string,
): { company: PreviewCompany; intermediary: PublicOffer["intermediary"] } {
  const intermediary = intermediaryOf(me);
  const organisations = companyOrganisations(me);
  const organisation = isIntermediary(me.role)
    ? undefined
    : (organisations.find((o) => o.siret === siret) ?? (organisations.length === 1 ? organisations[0] : undefined));
  const parsed = siretSchema.safeParse(organisation?.siret ?? siret);
  const compact = parsed.success ? parsed.data : null;

  const lookup = useQuery({
    queryKey: ["company", compact],
    queryFn: ({ signal }) => callApi(contracts.companies.getCompany, { params: { siret: compact ?? "" }, signal }),
    enabled: compact !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const found = lookup.data;

  return {
    intermediary,
    company: {
      name: organisation?.name ?? (found ? companyDisplayName(found) : "Nom de l'entreprise"),
      place: found ? placeLabel(found.address.city, found.address.postalCode) : null,
      activity: found?.nafLabel ?? null,
      certified: organisation?.status === "certified",
    },
  };
}
