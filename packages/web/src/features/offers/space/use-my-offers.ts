import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { contracts, type OwnerOffer } from "@tremplin/core";
import { callApi } from "../../../api/client.js";

export const myOffersQueryKey = ["my-offers"] as const;

/** The signed-in person's offers, with their status and counters (`enabled`: once someone is signed in). */
export function useMyOffers(enabled = true) {
  return useQuery({
    queryKey: myOffersQueryKey,
    enabled,
    queryFn: ({ signal }) => callApi(contracts.offers.listMyOffers, { signal }),
    // Counters move (views, applications): fresher than reference data.
    staleTime: 15_000,
  });
}

/** What can be done to an offer from the space. */
export type OfferAction = "extend" | "fill" | "cancel";

const actionContracts = {
  extend: contracts.offers.extendOffer,
  fill: contracts.offers.markOfferFilled,
  cancel: contracts.offers.cancelOffer,
} as const;

/** Runs an action on an offer, then refreshes the list. */
export function useOfferAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, offer }: { action: OfferAction; offer: OwnerOffer }) =>
      callApi(actionContracts[action], { params: { id: offer.id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myOffersQueryKey }),
  });
}
