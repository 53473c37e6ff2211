import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { contracts, type Me } from "@tremplin/core";
import { ApiError, callApi } from "../api/client.js";

export const meQueryKey = ["me"] as const;

/** The signed-in person, or null when nobody is (a 401 is an answer here, not a failure). */
async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    return await callApi(contracts.accounts.me, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Who is signed in; shared by the header, the guards and the pages. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 60_000 });
}

/**
 * Asks the API again who is there, after a sign-in. A question asked before the session cookie
 * existed may still be on its way (the header asks on page load): it is cancelled first, as its
 * answer (« nobody ») would otherwise be taken for the new one.
 */
export async function reloadMe(queryClient: QueryClient): Promise<Me | null> {
  await queryClient.cancelQueries({ queryKey: meQueryKey });
  return queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 0 });
}

/** Signs out (the server revokes the session), then forgets everything cached for that person. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(contracts.accounts.logout),
    onSuccess: () => {
      queryClient.removeQueries();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
