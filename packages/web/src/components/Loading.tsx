import { fr } from "@codegouvfr/react-dsfr";

/** A short « loading » line, announced politely to screen readers. */
export function Loading({ text = "Chargement…" }: { text?: string }) {
  return (
    <p className={fr.cx("fr-text--sm", "fr-my-4w")} role="status">
      {text}
    </p>
  );
}
