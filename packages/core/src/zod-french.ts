import { z } from "zod";

/**
 * Plain-French validation messages. Zod's own French locale is correct but reads like a compiler
 * ("Trop petit : chaîne de caractères doit avoir >=2 caractères"); people filling a form deserve
 * better. Schemas may still give their own message where the domain says more.
 */
function frenchMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null || issue.input === "") return "Ce champ est obligatoire.";
      if (issue.expected === "number" || issue.expected === "int") return "Saisissez un nombre.";
      if (issue.expected === "boolean") return "Valeur attendue : vrai ou faux.";
      if (issue.expected === "date") return "Saisissez une date valide.";
      if (issue.expected === "array") return "Une liste est attendue.";
      if (issue.expected === "object") return "Un objet JSON est attendu.";
      return "Ce champ n'a pas le bon format.";
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string")
        return min <= 1 ? "Ce champ est obligatoire." : `Saisissez au moins ${min} caractères.`;
      if (issue.origin === "array" || issue.origin === "set")
        return min <= 1 ? "Choisissez au moins un élément." : `Choisissez au moins ${min} éléments.`;
      return issue.inclusive
        ? `La valeur doit être supérieure ou égale à ${min}.`
        : `La valeur doit être supérieure à ${min}.`;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return `Saisissez au plus ${max} caractères.`;
      if (issue.origin === "array" || issue.origin === "set") return `Choisissez au plus ${max} éléments.`;
      return issue.inclusive
        ? `La valeur doit être inférieure ou égale à ${max}.`
        : `La valeur doit être inférieure à ${max}.`;
    }
    case "invalid_format":
      if (issue.format === "email") return "Saisissez une adresse e-mail valide, par exemple nom@domaine.fr.";
      if (issue.format === "date") return "Saisissez une date au format AAAA-MM-JJ.";
      if (issue.format === "datetime") return "Saisissez une date et une heure au format ISO 8601.";
      if (issue.format === "url") return "Saisissez une adresse web valide.";
      if (issue.format === "uuid") return "Identifiant invalide.";
      return "Ce champ n'a pas le bon format.";
    case "invalid_value":
      return `Valeur non reconnue. Valeurs possibles : ${issue.values.map((v) => String(v)).join(", ")}.`;
    case "unrecognized_keys":
      return `Champ${issue.keys.length > 1 ? "s" : ""} inconnu${issue.keys.length > 1 ? "s" : ""} : ${issue.keys.join(", ")}.`;
    case "not_multiple_of":
      return `La valeur doit être un multiple de ${String(issue.divisor)}.`;
    default:
      return undefined;
  }
}

let installed = false;

/** Installs the French messages once, for every zod schema of the process (server and browser). */
export function installFrenchZodMessages(): void {
  if (installed) return;
  installed = true;
  z.config(z.locales.fr());
  z.config({ customError: (issue) => frenchMessage(issue) });
}
