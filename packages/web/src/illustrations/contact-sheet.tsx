import { EXERCISES, VARIANTS } from "@limber/core";
import { renderToString } from "preact-render-to-string";
import { Illustration } from "./illustration.tsx";

/**
 * Every variant's start and end positions on one page, at the size the plan shows them, to look
 * at the whole catalog's drawings together (`npm run screenshots`, docs/contact-sheet.png).
 * Not part of the app: the screenshot script renders it with the app's own stylesheets.
 */
export function contactSheet(css: string, scheme: "light" | "dark"): string {
  const cells = EXERCISES.flatMap((exercise) =>
    VARIANTS.filter((variant) => variant.exercise === exercise.id).map((variant) => (
      <section class="sheet-cell" key={variant.id}>
        <h2>{variant.name}</h2>
        <p>{variant.id}</p>
        <div class="sheet-pair">
          <Illustration variant={variant.id} label={`${variant.name}: start`} picture="start" />
          <Illustration variant={variant.id} label={`${variant.name}: end`} picture="end" />
        </div>
      </section>
    )),
  );
  const body = renderToString(
    <main class="sheet">
      <h1>Limber: every exercise's start and end, at plan size ({scheme})</h1>
      <div class="sheet-grid">{cells}</div>
    </main>,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${css}${SHEET_CSS}</style></head><body>${body}</body></html>`;
}

/** The plan card shows each picture this wide. */
export const PLAN_PICTURE_PX = 120;

const SHEET_CSS = `
body { margin: 0; }
.sheet { padding: 16px; max-width: none; }
.sheet h1 { font-size: 18px; margin: 0 0 12px; }
.sheet-grid { display: grid; grid-template-columns: repeat(4, ${2 * PLAN_PICTURE_PX + 24}px); gap: 10px; }
.sheet-cell { background: var(--surface); border: 1px solid var(--line); border-radius: 10px; padding: 8px; }
.sheet-cell h2 { font-size: 13px; margin: 0; line-height: 1.2; }
.sheet-cell p { font-size: 11px; margin: 0 0 4px; color: var(--muted); }
.sheet-pair { display: grid; grid-template-columns: ${PLAN_PICTURE_PX}px ${PLAN_PICTURE_PX}px; gap: 4px; align-items: end; }
`;
