import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/client.js";

/** Retrying helps with a flaky network or a restarting server, never with a refused request. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (error instanceof ApiError) return error.status === 0 || error.status >= 500;
  return false;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // Reference data changes a few times a year; offers will set their own, shorter, staleTime.
        staleTime: 5 * 60_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
