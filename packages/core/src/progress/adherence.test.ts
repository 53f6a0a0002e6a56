import { describe, expect, it } from "vitest";
import { addDays } from "../days.ts";
import type { Programme } from "../events/schema.ts";
import { reportText } from "../report/text.ts";
import { Log } from "../testing.ts";
import { clinicianReport } from "./report.ts";

const START = "2026-11-02";
const programme: Programme = {
  programmeId: "riverside-0001",
  revision: 1,
  prescriber: { name: "Sam Lee", role: "Physiotherapist", practice: "Riverside Clinic" },
  prescribedOn: START,
  exercises: [
    {
      exercise: "floss",
      variants: ["floss-nerve-slider"],
      dose: { seconds: [40, 45] },
      startStep: 2,
    },
  ],
  excluded: ["strap-stretch"],
  progression: "slow",
  daysPerWeek: 4,
};

describe("adherence to a programme in the clinician summary", () => {
  it("counts practice and doses against the prescription, and names each day the rules changed it", () => {
    const log = new Log();
    log.add("programme", START, programme, "06:00");
    const backs = ["calm", "okay", "grumpy", "calm", "calm", "okay", "calm"] as const;
    backs.forEach((back, i) => {
      const day = addDays(START, i);
      if (i === 4) log.checkIn(day, { back, signs: ["night-pain"] });
      else log.practise(day, { back, pain: 3 }, i === 5 ? { nerve: "brief" } : {});
      // Cleared the next morning, before that day's check-in: the day of the sign stays paused.
      if (i === 4) log.add("clearance", addDays(day, 1), {}, "06:00");
    });
    const today = addDays(START, 6);
    const report = clinicianReport(log.model(), today, 4, { name: "Alex Doe" });
    const adherence = report.programme;
    expect(adherence).toMatchObject({ from: START, to: today, prescribedDays: 4, practiceDays: 6 });
    // The floss: six sessions; the grumpy day's 30 s and the day after nerve sensations fall below 40.
    expect(adherence?.exercises).toEqual([
      {
        exercise: "floss",
        name: "Sliding hamstring floss",
        prescribed: "40–45 s each side",
        done: 6,
        atDose: 5,
        softened: 0,
        skipped: 0,
      },
    ]);
    expect(adherence?.nerve).toEqual([{ day: addDays(START, 5), nerve: "brief" }]);
    expect(adherence?.overrides.map((o) => [o.day, o.rule])).toEqual([
      [addDays(START, 2), "R-GRUMPY"],
      [addDays(START, 4), "R-TRIAGE-B"],
    ]);
    const text = reportText(report);
    expect(text).toContain("Name: Alex Doe");
    expect(text).toContain(
      "From Sam Lee, Physiotherapist, Riverside Clinic, prescribed 2 Nov 2026 (revision 1), followed here from 2 Nov 2026 to 8 Nov 2026 (R-PRESCRIBED).",
    );
    expect(text).toContain("6 practice days against 4 prescribed (4 days a week).");
    expect(text).toContain(
      "- 4 Nov 2026: Your physiotherapist's programme allows Nerve slider with head nod, 40 s each side; today is gentler because your back is grumpy today (R-GRUMPY).",
    );
    expect(text).toContain("- 6 Nov 2026: The programme paused for breathing and an easy walk");
    expect(text).toContain("Nerve-like sensations reported on 7 Nov 2026 (brief) (R-NERVE).");
  });

  it("says nothing of programmes when none was followed", () => {
    const log = new Log();
    log.practise(START, { back: "calm" });
    const report = clinicianReport(log.model(), START, 4);
    expect(report.programme).toBeUndefined();
    expect(reportText(report)).not.toContain("Prescribed programme");
  });
});
