import { useQuery } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { callApi } from "../../api/client.js";

/**
 * The listing requests still to decide, as the list shows them (same query key): the OPCO space's
 * count and the requests page share one request, and a decision refreshes both.
 */
export function useOpenListingRequests() {
  return useQuery({
    queryKey: ["admin-algo-requests", "listing", "open"],
    queryFn: ({ signal }) =>
      callApi(contracts.algoCompanies.listListingRequests, { query: { status: "open" }, signal }),
  });
}
