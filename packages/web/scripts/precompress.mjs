// After `vite build`: writes a brotli (.br) and a gzip (.gz) copy beside every text file of dist/
// (JavaScript, CSS, SVG, JSON, HTML) of 1 KB or more, at the highest levels, once. The server sends
// them as they are to browsers that accept them (@fastify/static `preCompressed`), so no response
// of the web app is compressed per request. A copy that would not be smaller is not written.
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "dist");
const compressible = /\.(js|mjs|css|svg|json|webmanifest|html|txt|xml|ico)$/;
let files = 0;
let before = 0;
let afterBrotli = 0;

for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const file = path.join(entry.parentPath, entry.name);
  if (/\.(br|gz)$/.test(file)) {
    unlinkSync(file); // a copy left by an older build of a file that may have changed
    continue;
  }
  if (!compressible.test(file) || statSync(file).size < 1024) continue;
  const bytes = readFileSync(file);
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  const gz = gzipSync(bytes, { level: 9 });
  if (br.length < bytes.length) writeFileSync(`${file}.br`, br);
  if (gz.length < bytes.length) writeFileSync(`${file}.gz`, gz);
  files++;
  before += bytes.length;
  afterBrotli += Math.min(br.length, bytes.length);
}
const kb = (n) => `${Math.round(n / 1024)} KB`;
console.log(`precompress: ${files} files, ${kb(before)} → ${kb(afterBrotli)} with brotli`);
