import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type AccountCard, contracts } from "@tremplin/core";
import { callApi } from "../../api/client.js";

export type ReviewerKind = "opco" | "admin";

const cardContracts = { opco: contracts.accounts.getOpcoAccount, admin: contracts.accounts.getAdminAccount } as const;

export const accountCardKey = (kind: ReviewerKind, id: string) => ["account-card", kind, id] as const;

/** An account's card, as an OPCO adviser (their perimeter only) or an admin sees it. */
export function useAccountCard(kind: ReviewerKind, id: string) {
  return useQuery({
    queryKey: accountCardKey(kind, id),
    queryFn: ({ signal }) => callApi(cardContracts[kind], { params: { id }, signal }),
  });
}

/**
 * An action that answers with the new card: the card on screen is replaced at once and every
 * accounts list is refreshed (the account moved from one tab to another).
 */
export function useCardAction<V>(kind: ReviewerKind, id: string, action: (variables: V) => Promise<AccountCard>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (card) => {
      queryClient.setQueryData(accountCardKey(kind, id), card);
      void queryClient.invalidateQueries({ queryKey: ["accounts"] });
    },
  });
}
