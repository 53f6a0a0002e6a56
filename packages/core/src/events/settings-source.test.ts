import { describe, expect, it } from "vitest";
import { Log } from "../testing.ts";
import { emergencyNumberFor } from "../triage/emergency-number.ts";
import { project, readLog } from "./read-model.ts";
import { notYetSet, settingSources } from "./settings-source.ts";

/** The phone's first run, then the laptop's later change of one field. */
function twoDevices(): { log: Log; phone: string; laptop: string } {
  const log = new Log();
  const phone = log.add("settings", "2026-11-01", {
    disclaimerAccepted: true,
    region: "US",
    weeklyDays: 5,
    anchor: "after my morning coffee",
  });
  const laptop = log.add("settings", "2026-11-08", { anchor: "while the kettle boils" }, "19:00");
  return { log, phone, laptop };
}

describe("settings from two devices", () => {
  it("takes the later entry field by field, whatever order the entries arrive in", () => {
    const { log } = twoDevices();
    const expected = {
      disclaimerAccepted: true,
      region: "US",
      weeklyDays: 5,
      anchor: "while the kettle boils",
    };
    expect(project(log.events).settings).toEqual(expected);
    expect(project([...log.events].reverse()).settings).toEqual(expected);
    expect(emergencyNumberFor(project(log.events).settings.region).number).toBe("911");
  });

  it("names the entry each value comes from", () => {
    const { log, phone, laptop } = twoDevices();
    const sources = settingSources(readLog(log.events).settingsEvents);
    expect(sources.region).toEqual({
      id: phone,
      at: "2026-11-01T07:00:00+01:00",
      day: "2026-11-01",
    });
    expect(sources.anchor).toEqual({
      id: laptop,
      at: "2026-11-08T19:00:00+01:00",
      day: "2026-11-08",
    });
    expect(sources.reminder).toBeUndefined();
  });

  it("gives a withdrawn entry's fields back to the entry before it", () => {
    const { log, phone, laptop } = twoDevices();
    log.add("retract", "2026-11-09", { target: laptop });
    const model = readLog(log.events);
    expect(model.state.settings.anchor).toBe("after my morning coffee");
    expect(settingSources(model.settingsEvents).anchor?.id).toBe(phone);
  });

  it("lets a second device's first run write only what the account does not hold yet", () => {
    const { log } = twoDevices();
    const settingsEvents = readLog(log.events).settingsEvents;
    const secondFirstRun = {
      disclaimerAccepted: true,
      region: "JP",
      weeklyDays: 3,
      anchor: "when I get home",
      birthYear: 1970,
    };
    expect(notYetSet(secondFirstRun, settingsEvents)).toEqual({ birthYear: 1970 });
    expect(notYetSet({ region: "JP" }, settingsEvents)).toBeUndefined();
    expect(notYetSet(secondFirstRun, [])).toEqual(secondFirstRun);
  });
});
