/**
 * What each screen of the web app downloads, gzipped, read from a production build's manifest,
 * and the size budgets it must stay within. Sizes do not vary with the machine, so these
 * budgets are checked in CI (bench/web-budget.test.ts); timings never are.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type PluginOption } from "vite";

export const WEB_ROOT = fileURLToPath(new URL("../packages/web/", import.meta.url));

export interface ScreenSize {
  screen: string;
  /** Gzipped KB this screen adds to what was already loaded. */
  jsKb: number;
  cssKb: number;
}

/** Gzipped JavaScript budgets, in KB (docs/benchmarks.md). */
export const BUDGETS_KB: Record<string, number> = {
  // Back to 60 on 2026-12-01: the planner's programme support had taken the first screen to
  // 64.35 KB; the variants' words and how-to steps (@limber/core/words), the first run and the
  // questions after a session now load when first needed (56.66 KB).
  "first screen (check-in)": 60,
  "+ today's plan (pictures)": 10,
  "+ player": 15,
  // The how-to screen (every variant's steps and words; its pictures are today's plan's), set at
  // about 1.4× its size when it arrived (2026-12-01: 2.49 KB), and at 8 when the variants' words
  // came out of the first screen to load with it and the player (6.13 KB).
  "+ how-to": 8,
  // The progress screens, set at about 1.3× their size when they arrived (2026-11-25: 3.98,
  // 22.22 for uPlot, 1.58, 1.93, 3.90, 5.56 and 174.05 for pdf-lib, in KB). Raised on
  // 2026-12-01, when Today's week card and weekly rating prompt came to load after the check-in:
  // the modules they share with these screens (statements of change, the save state, the
  // screen's day) left the first screen, so each screen that needs them now counts them
  // (progress 5.67, goals 4.00, range test 5.54 KB), at about 1.25× those sizes.
  "+ progress": 7,
  "+ progress, on use": 29,
  "+ journal": 2.5,
  "+ goals": 5,
  "+ range test": 7,
  // 7.5 until 2026-12-01, when the summary gained adherence to a prescribed programme
  // (6.69 → 8.92 KB); 13 since the same day's shared modules left the first screen (above) and
  // the summary came to start at the first entry with a name at its top (10.81 KB).
  "+ clinician report": 13,
  "+ clinician report, on use": 225,
  // For clinicians: the programme builder with the QR code library (qr, about 6 KB of it), and
  // the person's screen for a programme's link, set at about 1.3× their size when they arrived.
  // (2026-12-01: 11.81 and 3.59 KB).
  "+ clinician page": 15.5,
  "+ programme link": 4.7,
};

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/**
 * The progress screens, each loaded on first use, by their source file. Each is counted when
 * the build has it; what a screen itself loads later (uPlot's charts, pdf-lib's PDF maker) is
 * counted in a row of its own, "on use".
 */
export const PROGRESS_SCREENS: [string, string][] = [
  ["+ progress", "src/screens/progress.tsx"],
  ["+ journal", "src/screens/journal.tsx"],
  ["+ goals", "src/screens/goals.tsx"],
  ["+ range test", "src/screens/range-test.tsx"],
  ["+ clinician report", "src/screens/report.tsx"],
  ["+ clinician page", "src/screens/clinician.tsx"],
  ["+ programme link", "src/screens/programme.tsx"],
];

/** Builds the app for production into `outDir` (default: its dist folder). */
export async function buildWeb(
  outDir = `${WEB_ROOT}dist`,
  plugins: PluginOption[] = [],
): Promise<string> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      root: WEB_ROOT,
      logLevel: "warn",
      configFile: `${WEB_ROOT}vite.config.ts`,
      build: { outDir, emptyOutDir: true },
      plugins,
    });
  } finally {
    process.env.NODE_ENV = before;
  }
  return outDir;
}

/** The gzipped size each screen adds, from a build in `dist`. */
export function screenSizes(dist: string): ScreenSize[] {
  const manifest = JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, "utf8")) as Record<
    string,
    ManifestChunk
  >;
  const closure = (key: string, into = new Set<string>()): Set<string> => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return into;
    into.add(chunk.file);
    for (const css of chunk.css ?? []) into.add(css);
    for (const imported of chunk.imports ?? []) closure(imported, into);
    return into;
  };
  const gzipKb = (files: Iterable<string>, ext: string) =>
    [...files]
      .filter((file) => file.endsWith(ext))
      .reduce((sum, file) => sum + gzipSync(readFileSync(`${dist}/${file}`)).length, 0) / 1024;
  /** What `files` load later by dynamic import, and all that imports, beyond `loaded`. */
  const onUse = (files: Set<string>, loaded: Set<string>): Set<string> => {
    const later = new Set<string>();
    for (const [, chunk] of Object.entries(manifest)) {
      if (!files.has(chunk.file)) continue;
      for (const key of chunk.dynamicImports ?? []) closure(key, later);
    }
    return new Set([...later].filter((file) => !loaded.has(file)));
  };
  const first = closure("index.html");
  const screens: [string, Set<string>][] = [
    ["first screen (check-in)", first],
    ["+ today's plan (pictures)", closure("src/illustrations/illustration.tsx")],
    ["+ player", closure("src/screens/player.tsx")],
    ["+ how-to", closure("src/screens/how-to.tsx")],
  ];
  const beyondFirst = (files: Set<string>) =>
    new Set([...files].filter((file) => !first.has(file)));
  for (const [screen, key] of PROGRESS_SCREENS) {
    if (!manifest[key]) continue;
    const own = beyondFirst(closure(key));
    screens.push([screen, own]);
    const later = onUse(own, new Set([...first, ...own]));
    if (later.size > 0) screens.push([`${screen}, on use`, later]);
  }
  return screens.map(([screen, files]) => {
    const own = screen.startsWith("+") ? beyondFirst(files) : files;
    return { screen, jsKb: gzipKb(own, ".js"), cssKb: gzipKb(own, ".css") };
  });
}

/** One sentence for each screen over its budget; empty when all are within. */
export function budgetProblems(sizes: readonly ScreenSize[]): string[] {
  return sizes.flatMap(({ screen, jsKb }) => {
    const budget = BUDGETS_KB[screen];
    return budget !== undefined && jsKb > budget
      ? [
          `${screen} loads ${jsKb.toFixed(2)} KB of gzipped JavaScript, over its ${budget} KB budget`,
        ]
      : [];
  });
}
