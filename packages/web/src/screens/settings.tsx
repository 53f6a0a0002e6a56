import { RULES, type SettingsChange } from "@limber/core";
import { useEffect, useRef, useState } from "preact/hooks";
import { AccountSync } from "../components/account-sync.tsx";
import { ReminderSettings } from "../components/reminder-settings.tsx";
import { SettingFrom, useSettingOrigins } from "../components/setting-origins.tsx";
import { AnchorField, RegionField, WeeklyDaysField } from "../components/settings-fields.tsx";
import { useTopOnShow } from "../components/top.ts";
import { YourData } from "../components/your-data.tsx";
import { type LogStatus, useWholeLog } from "../store/use-log.ts";
import type { Sync } from "../sync/use-sync.ts";

/** Region, anchor and days; reminders; sync; your data and its removal; the disclaimer and sources. */
export function Settings({
  log,
  sync,
}: {
  log: Extract<LogStatus, { status: "ready" }>;
  sync: Sync;
}) {
  useTopOnShow();
  const { state, append } = log;
  // Exports hold every entry: the whole log is read when Settings opens.
  const events = useWholeLog(log)?.events;
  const savedAnchor = state.settings.anchor ?? "";
  const [anchor, setAnchor] = useState(savedAnchor);
  const shownAnchor = useRef(savedAnchor);
  useEffect(() => {
    // An anchor that arrives from another device shows, unless the person is changing it here.
    setAnchor((typed) => (typed === shownAnchor.current ? savedAnchor : typed));
    shownAnchor.current = savedAnchor;
  }, [savedAnchor]);
  const [saved, setSaved] = useState<string>();
  // The later entry wins field by field: each value says which device and day it came from.
  const from = useSettingOrigins(log);
  const save = async (change: SettingsChange, what: string) => {
    await append("settings", change);
    setSaved(`${what} saved.`);
  };
  return (
    <main>
      <h1>Settings</h1>
      <p role="status" class="small muted">
        {saved ?? ""}
      </p>
      <RegionField
        value={state.settings.region}
        onChange={(region) => region && save({ region }, "Region")}
      />
      <SettingFrom text={from.region} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (anchor.trim()) save({ anchor: anchor.trim() }, "Anchor");
        }}
      >
        <AnchorField value={anchor} onChange={setAnchor} />
        <SettingFrom text={from.anchor} />
        <button type="submit">Save anchor</button>
      </form>
      <WeeklyDaysField
        value={state.settings.weeklyDays}
        onChange={(weeklyDays) => save({ weeklyDays }, "Weekly goal")}
      />
      <SettingFrom text={from.weeklyDays} />

      <h2>Reminders</h2>
      <ReminderSettings
        state={state}
        save={(change) => append("settings", change).then(() => {})}
        signedIn={sync.account.state === "signed-in"}
        from={from}
      />

      <h2>Sync across devices</h2>
      <AccountSync sync={sync} />

      <h2>Your data</h2>
      <YourData events={events} sync={sync} />

      <h2>About Limber</h2>
      <p>{RULES["R-DISCLAIMER"].text}</p>
      <p>{RULES["R-HONEST"].text}</p>
      <p>
        <a href="#/sources">Sources behind every rule</a>
      </p>
    </main>
  );
}
