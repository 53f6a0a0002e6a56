import { addDays } from "./packages/core/src/days.ts";
import { Log, blockOf } from "./packages/core/src/testing.ts";
const log = new Log();
const plans = log.practiseDays("2026-10-01", 121, { back: "calm" });
plans.forEach((p, i) => { const b = blockOf(p, "strap-stretch"); if (i % 5 == 0 || i > 80) console.log(i, b?.variant, JSON.stringify(b?.dose), b?.step?.index, b?.reasons.map(r=>r.rule+":"+r.text.slice(0,50)).join(" | ")); });
