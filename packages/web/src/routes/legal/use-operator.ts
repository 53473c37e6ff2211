import { type OperatorIdentity, operatorPlaceholders } from "./operator.js";

/**
 * The operator's identity for the legal pages. Until the API serves it (`GET /api/v1/site-info`),
 * every field is its placeholder.
 */
export function useOperator(): OperatorIdentity {
  return operatorPlaceholders;
}
