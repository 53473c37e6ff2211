import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { callApi } from "../../api/client.js";
import type { AdminCompany, CompanyChange } from "./company-edit.js";

const api = contracts.algoCompanies;
export const companyKey = (siret: string) => ["admin-algo-company", siret] as const;

/** The company as the admin sees it (exposure, contact, overrides, history). */
export function useAdminCompany(siret: string) {
  return useQuery({
    queryKey: companyKey(siret),
    queryFn: ({ signal }) => callApi(api.getAdminCompany, { params: { siret }, signal }),
    retry: false,
  });
}

/**
 * One PATCH per form (jobs, contact, boost): the answer is the company after the change, so it
 * replaces the cached one and every section shows the saved state without another request.
 */
export function useCompanyUpdate(siret: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: CompanyChange) => callApi(api.updateAdminCompany, { params: { siret }, body: change }),
    onSuccess: (company: AdminCompany) => queryClient.setQueryData(companyKey(siret), company),
  });
}
