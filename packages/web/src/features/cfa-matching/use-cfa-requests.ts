import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { callApi } from "../../api/client.js";

export const cfaSuggestionsKey = (offerId: string) => ["cfa-suggestions", offerId] as const;
export const offerCfaRequestsKey = (offerId: string) => ["cfa-requests", offerId] as const;

/** The CFAs near the offer's workplace that train for its job (each with any request already made). */
export function useCfaSuggestions(offerId: string) {
  return useQuery({
    queryKey: cfaSuggestionsKey(offerId),
    queryFn: ({ signal }) => callApi(contracts.cfaMatching.getCfaSuggestions, { params: { id: offerId }, signal }),
  });
}

/** The requests made for the offer, with the CFAs' answers. */
export function useOfferCfaRequests(offerId: string) {
  return useQuery({
    queryKey: offerCfaRequestsKey(offerId),
    queryFn: ({ signal }) => callApi(contracts.cfaMatching.listOfferCfaRequests, { params: { id: offerId }, signal }),
  });
}

/** Sends the need to the chosen CFAs; both lists are read again so that the boxes become « déjà sollicité ». */
export function useSendCfaRequests(offerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cfaSirets: string[]) =>
      callApi(contracts.cfaMatching.createCfaRequests, { params: { id: offerId }, body: { cfaSirets } }),
    onSuccess: (requests) => {
      queryClient.setQueryData(offerCfaRequestsKey(offerId), requests);
      void queryClient.invalidateQueries({ queryKey: cfaSuggestionsKey(offerId) });
    },
  });
}
