import { codeOf, decodeProgramme, type Programme, programmeLink } from "@limber/core";
import { renderToString } from "preact-render-to-string";
import { decodeQR } from "qr/decode.js";
import { describe, expect, it } from "vitest";
import { checkDraft, draftOf, emptyDraft } from "./draft.ts";
import { QrCode } from "./qr-code.tsx";

const TODAY = "2026-12-01";

/** The drawn QR code as an RGBA image, each module `scale` pixels, read from its SVG path. */
function imageOf(svg: string, scale = 4) {
  const size = Number(svg.match(/viewBox="0 0 (\d+) \d+"/)?.[1]);
  const width = size * scale;
  const data = new Uint8Array(width * width * 4).fill(255);
  for (const [, x, y] of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const at = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        data.fill(0, at, at + 3);
      }
    }
  }
  return { width, height: width, data };
}

describe("the clinician's QR code", () => {
  it("reads back as the link it was drawn from", () => {
    const draft = emptyDraft(TODAY);
    draft.name = "Sam Lee";
    draft.exercises["strap-stretch"].use = "excluded";
    draft.exercises.floss = {
      use: "prescribed",
      variants: ["floss-nerve-slider"],
      dose: { seconds: ["40", "45"] },
      startStep: "2",
    };
    const checked = checkDraft(draft);
    if (!checked.ok) throw new Error(checked.problems.join("; "));
    const link = programmeLink("https://limber.example/", checked.programme);
    const svg = renderToString(<QrCode text={link} label="QR code" />);
    expect(decodeQR(imageOf(svg))).toBe(link);
  });
});

describe("the clinician's form", () => {
  it("makes the programme the schema accepts, and reopens it as the next revision", () => {
    const draft = emptyDraft(TODAY);
    draft.name = "  Sam Lee ";
    draft.exercises["strap-stretch"].use = "excluded";
    draft.exercises.floss = {
      use: "prescribed",
      variants: ["floss-nerve-slider"],
      dose: { seconds: ["40", "45"] },
      startStep: "2",
    };
    const checked = checkDraft(draft);
    expect(checked.ok).toBe(true);
    const programme = (checked as { programme: Programme }).programme;
    expect(programme).toMatchObject({
      revision: 1,
      prescriber: { name: "Sam Lee", role: "Physiotherapist" },
      exercises: [
        {
          exercise: "floss",
          variants: ["floss-nerve-slider"],
          dose: { seconds: [40, 45] },
          startStep: 2,
        },
      ],
      excluded: ["strap-stretch"],
    });
    const again = draftOf(programme, "2026-12-08");
    expect(again.programmeId).toBe(programme.programmeId);
    expect(again.revision).toBe(2);
    expect(checkDraft(again)).toMatchObject({
      ok: true,
      programme: { ...programme, revision: 2, prescribedOn: "2026-12-08" },
    });
  });

  it("says in words what to change", () => {
    const draft = emptyDraft(TODAY);
    draft.exercises.floss = { use: "prescribed", variants: [], dose: {}, startStep: "" };
    expect(checkDraft(draft)).toEqual({
      ok: false,
      problems: [
        "Sliding hamstring floss: choose at least one variant, or leave the exercise out.",
      ],
    });
    draft.exercises.floss = {
      use: "prescribed",
      variants: ["floss-nerve-slider"],
      dose: { seconds: ["40", "90"] },
      startStep: "",
    };
    expect(checkDraft(draft)).toEqual({
      ok: false,
      problems: [
        "Give your name, so the person knows who prescribed it.",
        "Sliding hamstring floss: the high end passes the catalog's ceiling of 45 for these variants.",
      ],
    });
  });

  it("gives each new programme its own id", () => {
    expect(emptyDraft(TODAY).programmeId).not.toBe(emptyDraft(TODAY).programmeId);
    expect(decodeProgramme(codeOf("#/programme?p=nothing"))).toMatchObject({ ok: false });
  });
});
