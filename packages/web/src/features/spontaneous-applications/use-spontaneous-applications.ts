import { useQuery } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { callApi } from "../../api/client.js";

export const spontaneousKey = ["spontaneous-applications"];

/**
 * The spontaneous applications the recruiter's establishments received. One key for the page and
 * the space's summary: an answer given on the page refreshes both. Only recruiters may ask (the API
 * refuses the other roles), hence `enabled`.
 */
export function useSpontaneousApplications(enabled = true) {
  return useQuery({
    queryKey: spontaneousKey,
    queryFn: ({ signal }) => callApi(contracts.applications.listSpontaneousApplications, { signal }),
    enabled,
  });
}
