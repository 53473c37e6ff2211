import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type CfaAnswerInput, type CfaInbox, contracts } from "@tremplin/core";
import { callApi } from "../../api/client.js";

export const cfaInboxKey = ["cfa-inbox"] as const;

/** The requests sent to the SIRETs of the signed-in CFA's accounts, and whether each accepts them. */
export function useCfaInbox() {
  return useQuery({
    queryKey: cfaInboxKey,
    queryFn: ({ signal }) => callApi(contracts.cfaMatching.listCfaInbox, { signal }),
  });
}

/** Answers one request; the updated request replaces the old one in the list without reloading it. */
export function useAnswerCfaRequest(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CfaAnswerInput) =>
      callApi(contracts.cfaMatching.answerCfaRequest, { params: { id: requestId }, body: input }),
    onSuccess: (updated) =>
      queryClient.setQueryData<CfaInbox>(cfaInboxKey, (inbox) =>
        inbox ? { ...inbox, items: inbox.items.map((item) => (item.id === updated.id ? updated : item)) } : inbox,
      ),
  });
}

/** Receive companies' requests, or not, for one organisation. */
export function useSetCfaPreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ siret, acceptsRequests }: { siret: string; acceptsRequests: boolean }) =>
      callApi(contracts.cfaMatching.setCfaPreferences, { params: { siret }, body: { acceptsRequests } }),
    onSuccess: (state) =>
      queryClient.setQueryData<CfaInbox>(cfaInboxKey, (inbox) =>
        inbox
          ? { ...inbox, organisations: inbox.organisations.map((o) => (o.siret === state.siret ? state : o)) }
          : inbox,
      ),
  });
}
