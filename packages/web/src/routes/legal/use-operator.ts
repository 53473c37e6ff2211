import { useQuery } from "@tanstack/react-query";
import { contracts, type SiteInfo } from "@tremplin/core";
import { callApi } from "../../api/client.js";
import { type OperatorIdentity, operatorIdentity } from "./operator.js";

/**
 * The server's defaults for an unset field are bracketed (« [Nom de l'opérateur du service] »):
 * such a value is treated as unset, so the page shows its own « [À compléter : …] » placeholder.
 */
const configured = (value: string) => (value.trim().startsWith("[") ? null : value);

/**
 * The operator's configuration as the legal pages read it. `HOSTING_PROVIDER` holds the host's
 * name, address and phone in one value, so it fills the host's name and the address line stays
 * empty rather than repeating it. The registration number is not configurable yet: it keeps its
 * placeholder.
 */
export function identityFromSiteInfo(info: SiteInfo): OperatorIdentity {
  const host = configured(info.hostingProvider);
  const identity = operatorIdentity({
    name: configured(info.operatorName),
    address: configured(info.operatorAddress),
    publicationDirector: configured(info.publicationDirector),
    contactEmail: configured(info.contactEmail),
    dataProtectionContact: configured(info.dpoEmail),
    hostName: host,
  });
  return host ? { ...identity, hostAddress: "" } : identity;
}

/**
 * The operator's identity for the legal pages, from `GET /api/v1/site-info`. While it loads, or if
 * it fails, every field shows its placeholder: the page stays readable and never shows a made-up name.
 */
export function useOperator(): OperatorIdentity {
  const info = useQuery({
    queryKey: ["site-info"],
    queryFn: ({ signal }) => callApi(contracts.contact.siteInfo, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return info.data ? identityFromSiteInfo(info.data) : operatorIdentity({});
}
