import { fr } from "@codegouvfr/react-dsfr";
import { useEffect, useRef } from "react";
import type { FieldErrors } from "./field-errors.js";

export interface ErrorSummaryProps {
  errors: FieldErrors;
  /** The element id of each field path (where a link in the summary leads), and its label. */
  fields: Record<string, { id: string; label: string }>;
  /** Changes at every submission: the summary takes the focus again, so it is read out. */
  submissionCount: number;
}

/**
 * The list of a form's problems, shown above it after a submission and focused, each linking to its
 * field (RGAA 11.10, DSFR « résumé des erreurs »). Errors on fields it does not know are listed too.
 */
export function ErrorSummary({ errors, fields, submissionCount }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const count = entries.length;

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again at each submission, not on each keystroke
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [submissionCount]);

  if (count === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} className={fr.cx("fr-alert", "fr-alert--error", "fr-mb-4w")}>
      <h2 className={fr.cx("fr-alert__title")}>
        {count === 1 ? "Le formulaire contient une erreur" : `Le formulaire contient ${count} erreurs`}
      </h2>
      <ul className={fr.cx("fr-mb-0")}>
        {entries.map(([path, message]) => {
          const field = fields[path];
          return (
            <li key={path}>
              {field ? (
                <a
                  href={`#${field.id}`}
                  onClick={(event) => {
                    // A hash link scrolls but does not focus: take the person to the field itself.
                    const target = document.getElementById(field.id);
                    if (!target) return;
                    event.preventDefault();
                    target.focus();
                    target.scrollIntoView({ block: "center" });
                  }}
                >
                  {field.label} : {message}
                </a>
              ) : (
                message
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
