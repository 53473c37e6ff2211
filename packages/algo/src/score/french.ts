/** "1 alternant", "2 alternants", "0 alternant" (French: singular below 2). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${Math.abs(count) < 2 ? singular : pluralForm}`;
}

/** A job label inside a sentence: "Boulangerie - viennoiserie" → "boulangerie - viennoiserie" (acronyms kept). */
export function inSentence(label: string): string {
  const second = label[1] ?? "";
  return second !== "" && second === second.toUpperCase() && /[A-Z]/.test(second)
    ? label
    : label.charAt(0).toLowerCase() + label.slice(1);
}
