/** A piece of an offer's text: a paragraph, or a list written as "- " lines. */
export type DescriptionBlock = { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

const listItem = /^\s*[-•]\s+(.*)$/;

/**
 * Reads an offer's plain text (as core's generateOfferDescription writes it, or as a recruiter
 * typed it) into paragraphs and lists: consecutive "- " lines make a list, other lines a paragraph,
 * blank lines separate paragraphs. One rule for every rendering: the web page (plain React text:
 * no HTML from the text is ever interpreted) and the offer page's JSON-LD (escaped HTML).
 */
export function descriptionBlocks(text: string): DescriptionBlock[] {
  const blocks: DescriptionBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];

  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: paragraph.join("\n") });
    paragraph = [];
  };
  const flushList = () => {
    if (list.length > 0) blocks.push({ kind: "list", items: list });
    list = [];
  };

  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const item = listItem.exec(line);
    if (item?.[1]) {
      flushParagraph();
      list.push(item[1].trim());
    } else if (line.trim() === "") {
      flushParagraph();
      flushList();
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}
