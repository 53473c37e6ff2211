import { Fragment } from "react";
import { highlightMatch } from "./highlight-match.js";

/** A label with the words that start like what was typed in bold. */
export function HighlightedText({ text, query }: { text: string; query: string }) {
  return (
    <>
      {highlightMatch(text, query).map((segment, index) =>
        segment.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reordered
          <strong key={index}>{segment.text}</strong>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reordered
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
