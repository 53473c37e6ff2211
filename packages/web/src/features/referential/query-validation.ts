/** The part of a zod schema this module needs; keeps the web package free of a direct zod import. */
interface SafeParser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly { message: string }[] } };
}

/**
 * The French message explaining why `value` is refused by a core schema, or null when accepted.
 * Forms and autocompletes ask the contract's own schema, so a rule (« at least 2 characters ») is
 * written once, in core.
 */
export function firstIssueMessage(schema: SafeParser, value: unknown): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  return result.error.issues[0]?.message ?? "Valeur invalide.";
}
