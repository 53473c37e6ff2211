import { hasControlCharacters } from "./one-line.js";

/**
 * Where the site may send someone after signing in: a plain path of this site. One leading "/" and
 * never a second one or a backslash right after it ("//evil.example" and "/\evil.example" are read
 * by browsers as another host), no backslash at all (some browsers turn it into "/"), no control
 * character or space (stripped by URL parsers, which could rebuild "//"), and no scheme.
 */
export function isSafeRedirectPath(value: string): boolean {
  if (value.length === 0 || value.length > 200) return false;
  if (value[0] !== "/" || value[1] === "/" || value.includes("\\")) return false;
  if (hasControlCharacters(value) || value.includes(" ")) return false;
  // A scheme cannot start a path that begins with "/", but a decoded one could: refuse "%2F%2F" too.
  return !/^\/%2f/i.test(value) && !/^\/%5c/i.test(value);
}
