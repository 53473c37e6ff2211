import { fr } from "@codegouvfr/react-dsfr";
import "./partners.css";

/** A block of code or of an HTTP exchange, labelled for screen readers, scrollable on phones. */
export function CodeBlock({ label, code }: { label: string; code: string }) {
  return (
    <figure className="app-code-figure">
      <figcaption className={fr.cx("fr-text--sm", "fr-mb-1v")}>{label}</figcaption>
      {/* Focusable so that keyboard users can scroll a long line (RGAA 7.3). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <pre className="app-code" tabIndex={0}>
        <code>{code}</code>
      </pre>
    </figure>
  );
}
