import { isPlaceholder } from "./operator.js";

/** A field of the operator's identity; a placeholder is marked so that it cannot pass for real text. */
export function OperatorValue({ value }: { value: string }) {
  return isPlaceholder(value) ? <mark className="app-placeholder">{value}</mark> : value;
}
