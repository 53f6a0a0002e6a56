/**
 * `npm run bench:web`: the gzipped JavaScript and CSS each screen needs, from a production
 * build. Sizes do not vary with the machine, so these figures are exact.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";

/** Budget for the first screen's JavaScript (docs/benchmarks.md). */
export const FIRST_SCREEN_BUDGET_KB = 60;

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

const webRoot = fileURLToPath(new URL("../packages/web/", import.meta.url));
const dist = `${webRoot}dist/`;

process.env.NODE_ENV = "production";
await build({ root: webRoot, logLevel: "warn", configFile: `${webRoot}vite.config.ts` });
const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, "utf8")) as Record<
  string,
  ManifestChunk
>;

/** A chunk's file and every file it imports statically, the whole set the browser must fetch. */
function closure(key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const imported of chunk.imports ?? []) closure(imported, into);
  return into;
}

const gzipKb = (files: Iterable<string>, ext: string) =>
  [...files]
    .filter((file) => file.endsWith(ext))
    .reduce((sum, file) => sum + gzipSync(readFileSync(dist + file)).length, 0) / 1024;

const first = closure("index.html");
const screens: [string, Set<string>][] = [
  ["first screen (check-in)", first],
  ["+ today's plan (pictures)", closure("src/illustrations/illustration.tsx")],
  ["+ player", closure("src/screens/player.tsx")],
];

console.log("Limber web: gzipped bytes each screen adds, from a production build");
console.log(`  ${"screen".padEnd(28)}${"JS KB".padStart(9)}${"CSS KB".padStart(9)}`);
for (const [name, files] of screens) {
  const own = name.startsWith("+") ? new Set([...files].filter((file) => !first.has(file))) : files;
  console.log(
    `  ${name.padEnd(28)}${gzipKb(own, ".js").toFixed(2).padStart(9)}${gzipKb(own, ".css").toFixed(2).padStart(9)}`,
  );
}
const firstJs = gzipKb(first, ".js");
console.log(
  `Goal: the first screen loads at most ${FIRST_SCREEN_BUDGET_KB} KB of gzipped JavaScript: ${firstJs <= FIRST_SCREEN_BUDGET_KB ? "met" : "NOT met"} (${firstJs.toFixed(2)} KB).`,
);
