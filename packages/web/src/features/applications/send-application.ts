import { type ApplicationReceipt, contracts } from "@tremplin/core";
import { errorFromResponse, networkError, unexpectedResponseError } from "../../api/api-error.js";
import { isAbortError } from "../../api/client.js";
import { type ApplicationTarget, type ApplicationValues, applicationFormData } from "./application-form.js";

const submitApplication = contracts.applications.submitApplication;

/**
 * POST /api/v1/applications. callApi sends JSON only, and this route takes multipart/form-data (the
 * CV travels with the fields), so the request is made here, from the same contract (path, method,
 * receipt schema) and with the same errors as callApi: ApiError with a stable code and French text.
 */
export async function sendApplication(
  target: ApplicationTarget,
  values: ApplicationValues,
  cv: File | null,
  signal?: AbortSignal,
): Promise<ApplicationReceipt> {
  let response: Response;
  try {
    // No content-type header: the browser writes multipart/form-data with its boundary.
    response = await fetch(submitApplication.path, {
      method: submitApplication.method,
      headers: { accept: "application/json" },
      body: applicationFormData(target, values, cv),
      credentials: "same-origin",
      signal,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw networkError(error);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw errorFromResponse(response.status, body);
  const parsed = submitApplication.responses[201].safeParse(body);
  if (!parsed.success) throw unexpectedResponseError(response.status, parsed.error);
  return parsed.data;
}
