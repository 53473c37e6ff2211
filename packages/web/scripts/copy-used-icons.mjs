// Copies into public/dsfr the SVG of every DSFR icon class the app's source uses (fr-icon-…).
// Why: `react-dsfr copy-static-assets` keeps only the files dsfr.min.css itself points at, while
// icons.min.css declares every icon; an icon used by the app (« Se déconnecter »…) would otherwise
// be a 404 and show nothing. Runs after copy-static-assets (npm run copy-dsfr).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const publicDsfr = path.join(webDir, "public", "dsfr");
const iconsCssDir = path.join(publicDsfr, "utility", "icons");
const require = createRequire(import.meta.url);
const dsfrDist = path.join(path.dirname(require.resolve("@codegouvfr/react-dsfr/package.json")), "dsfr");

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

const used = new Set();
for (const file of sourceFiles(path.join(webDir, "src"))) {
  for (const match of readFileSync(file, "utf8").matchAll(/\bfr-icon-[a-z0-9-]+/g)) used.add(match[0]);
}

const css = readFileSync(path.join(iconsCssDir, "icons.min.css"), "utf8");
let copied = 0;
for (const className of used) {
  const rule = css.match(new RegExp(`\\.${className}:(?:after|before)[^{]*\\{[^}]*?url\\(([^)]+)\\)`));
  if (!rule?.[1]) continue; // not an icon (a modifier such as fr-icon--sm) or unknown
  const target = path.resolve(iconsCssDir, rule[1]);
  const source = path.join(dsfrDist, path.relative(publicDsfr, target));
  if (existsSync(target) || !existsSync(source)) continue;
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(source, target);
  copied++;
}
console.log(`DSFR icons: ${used.size} used in src, ${copied} copied to public/dsfr.`);
