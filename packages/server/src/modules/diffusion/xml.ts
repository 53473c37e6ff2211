/**
 * The one way text reaches our XML (feed, sitemaps): escaped, never inside CDATA (a `]]>` in a
 * recruiter's title would end it), without the characters XML 1.0 forbids (control characters,
 * lone surrogates, U+FFFE/U+FFFF), which would make the whole document not well-formed.
 */
/** True for a UTF-16 code unit XML 1.0 accepts (surrogates are checked in pairs by the caller). */
function isXmlCodeUnit(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
}

/** The text without the characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/FFFF). */
export function withoutNonXmlChars(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) out += text[i] + (text[i + 1] as string);
      i += next >= 0xdc00 && next <= 0xdfff ? 1 : 0;
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (isXmlCodeUnit(code)) out += text[i];
  }
  return out;
}

const XML_ENTITIES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" };

export function xmlEscape(text: string): string {
  return withoutNonXmlChars(text).replace(/[<>&'"]/g, (c) => XML_ENTITIES[c] as string);
}

/** `<name>text</name>`, the text escaped. */
export function xmlElement(name: string, text: string | number): string {
  return `<${name}>${xmlEscape(String(text))}</${name}>`;
}

/**
 * JSON inside an HTML `<script type="application/ld+json">`: `<`, `>` and `&` as \u escapes (no
 * `</script>` or `<!--` can end or change the element), and the line separators JavaScript once
 * refused. JSON.parse reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
