import { type SettingName, type SettingSource, settingSources } from "@limber/core";
import { useEffect, useMemo, useState } from "preact/hooks";
import { screenDay } from "../screen-day.ts";
import type { Origin } from "../store/event-store.ts";
import type { LogStatus } from "../store/use-log.ts";

/** The line under a setting that says where its value came from, when an entry set it. */
export function SettingFrom({ text }: { text: string | undefined }) {
  return text ? <p class="small muted setting-from">{text}</p> : null;
}

/** Where a setting's value came from, in a sentence: the device, when known, and the day. */
export function originText(source: SettingSource, origin: Origin | undefined): string {
  const day = screenDay(source.day, "long");
  switch (origin) {
    case "this-device":
      return `Set on this device on ${day}.`;
    case "another-device":
      return `From another device, set on ${day}.`;
    default:
      // Entries from before devices noted where each was made: the day alone is known.
      return `Set on ${day}.`;
  }
}

/**
 * For each setting an entry set, where its value came from (`originText`): the later entry
 * wins field by field, so two fields may come from two devices.
 */
export function useSettingOrigins(
  log: Extract<LogStatus, { status: "ready" }>,
): Partial<Record<SettingName, string>> {
  const sources = useMemo(() => settingSources(log.model.settingsEvents), [log.model]);
  const ids = [...new Set(Object.values(sources).map((source) => source.id))].sort().join(" ");
  const [origins, setOrigins] = useState<Map<string, Origin>>();
  useEffect(() => {
    let live = true;
    log.store
      .originsOf(ids ? ids.split(" ") : [])
      .then((found) => live && setOrigins(found))
      // Unreadable, the day alone is still true.
      .catch(() => live && setOrigins(new Map()));
    return () => {
      live = false;
    };
  }, [log.store, ids]);
  return useMemo(() => {
    const texts: Partial<Record<SettingName, string>> = {};
    if (!origins) return texts;
    for (const [name, source] of Object.entries(sources) as [SettingName, SettingSource][]) {
      texts[name] = originText(source, origins.get(source.id));
    }
    return texts;
  }, [sources, origins]);
}
