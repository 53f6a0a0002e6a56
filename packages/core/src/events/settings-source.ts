import type { EventOf, SettingsChange } from "./schema.ts";
import type { Settings } from "./state.ts";

/** A setting by its name: `region`, `anchor`, `weeklyDays`, … */
export type SettingName = keyof Settings;

/** The settings event that gave a setting its value now: its id, instant and local day. */
export interface SettingSource {
  id: string;
  at: string;
  day: string;
}

/**
 * Where each setting's value comes from: for each name, the last settings event in force (in
 * log order, `at` then `id`) that set it. Settings fold field by field (state.ts), so this is
 * the entry whose value the state holds; a setting no event set is absent (it has its default).
 */
export function settingSources(
  events: readonly EventOf<"settings">[],
): Partial<Record<SettingName, SettingSource>> {
  const sources: Partial<Record<SettingName, SettingSource>> = {};
  for (const event of events) {
    for (const name of Object.keys(event.data) as SettingName[]) {
      sources[name] = { id: event.id, at: event.at, day: event.day };
    }
  }
  return sources;
}

/**
 * The part of `change` that no settings event in force has set yet, or undefined when nothing
 * is left: what a first run on a new device may write without overwriting what the person's
 * account already holds (a later entry wins field by field, on every device).
 */
export function notYetSet(
  change: SettingsChange,
  events: readonly EventOf<"settings">[],
): SettingsChange | undefined {
  const sources = settingSources(events);
  const left = Object.fromEntries(
    Object.entries(change).filter(([name]) => sources[name as SettingName] === undefined),
  ) as SettingsChange;
  return Object.keys(left).length > 0 ? left : undefined;
}
