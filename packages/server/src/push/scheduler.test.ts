import { Log } from "@limber/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PushSubscriptionRecord } from "../storage/repository.ts";
import { reminderScheduler } from "./scheduler.ts";
import type { PushSender, SendOutcome } from "./sender.ts";
import { pushStorage } from "./testing.ts";

// 30 November 2026 is a Monday; Paris is at UTC+1 then, so 07:30 there is 06:30 UTC.
const MONDAY = "2026-11-30";
const TUESDAY = "2026-12-01";
const WEDNESDAY = "2026-12-02";
const at = (utc: string) => new Date(utc);

const KEYS = {
  p256dh: `B${"A".repeat(86)}`,
  auth: "A".repeat(22),
};

/** A push service that answers as told and keeps what it was sent. */
function recordingSender(answer: () => SendOutcome = () => ({ kind: "sent" })) {
  const sent: { endpoint: string; payload: string }[] = [];
  const sender: PushSender = {
    async send(subscription: PushSubscriptionRecord, payload: string) {
      sent.push({ endpoint: subscription.endpoint, payload });
      return answer();
    },
  };
  return { sender, sent };
}

let storage: Awaited<ReturnType<typeof pushStorage>>;
beforeEach(async () => {
  storage = await pushStorage();
});
afterEach(() => storage.close());

/** The person's log on the server: a reminder on Mondays and Wednesdays at 07:30. */
async function remindMondaysAndWednesdays(log = new Log()) {
  log.add("settings", "2026-11-20", {
    anchor: "after my morning coffee",
    reminder: { days: ["MO", "WE"], time: "07:30" },
  });
  await storage.repository.pushEvents(storage.person.id, log.events, at("2026-11-20T08:00:00Z"));
  return log;
}

async function subscribe(endpoint: string, timeZone: string) {
  await storage.repository.savePushSubscription({
    userId: storage.person.id,
    endpoint,
    keys: KEYS,
    timeZone,
    now: at("2026-11-20T08:00:00Z"),
  });
}

describe("the reminder scheduler", () => {
  it("sends at the chosen local time on a chosen day, with the anchor and nothing else", async () => {
    await remindMondaysAndWednesdays();
    await subscribe("https://fcm.googleapis.com/fcm/send/paris", "Europe/Paris");
    const { sender, sent } = recordingSender();
    const scheduler = reminderScheduler({ repository: storage.repository, sender });

    expect(await scheduler.tick(at(`${MONDAY}T06:29:00Z`))).toMatchObject({ sent: 0 });
    expect(await scheduler.tick(at(`${MONDAY}T06:30:00Z`))).toEqual({
      sent: 1,
      removed: 0,
      failed: 0,
    });
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]?.payload ?? "")).toEqual({
      title: "Limber",
      body: "After my morning coffee: time for today's few minutes of Limber.",
      tag: "reminder",
    });
  });

  it("reads the local time in each device's own time zone", async () => {
    await remindMondaysAndWednesdays();
    await subscribe("https://fcm.googleapis.com/fcm/send/paris", "Europe/Paris");
    await subscribe("https://fcm.googleapis.com/fcm/send/new-york", "America/New_York");
    const { sender, sent } = recordingSender();
    const scheduler = reminderScheduler({ repository: storage.repository, sender });

    await scheduler.tick(at(`${MONDAY}T06:30:00Z`));
    // 07:30 in New York (UTC-5) is 12:30 UTC.
    await scheduler.tick(at(`${MONDAY}T12:29:00Z`));
    await scheduler.tick(at(`${MONDAY}T12:30:00Z`));
    expect(sent.map((s) => s.endpoint)).toEqual([
      "https://fcm.googleapis.com/fcm/send/paris",
      "https://fcm.googleapis.com/fcm/send/new-york",
    ]);
  });

  it("sends nothing on a day that was not chosen", async () => {
    await remindMondaysAndWednesdays();
    await subscribe("https://fcm.googleapis.com/fcm/send/paris", "Europe/Paris");
    const { sender, sent } = recordingSender();
    const scheduler = reminderScheduler({ repository: storage.repository, sender });
    for (const minute of ["06:29", "06:30", "06:31", "06:45", "07:30"]) {
      await scheduler.tick(at(`${TUESDAY}T${minute}:00Z`));
    }
    expect(sent).toEqual([]);
  });

  it("sends nothing once the day is practised, and sends again the next chosen day", async () => {
    const log = await remindMondaysAndWednesdays();
    await subscribe("https://fcm.googleapis.com/fcm/send/paris", "Europe/Paris");
    log.practise(MONDAY, { back: "calm" });
    await storage.repository.pushEvents(storage.person.id, log.events, at(`${MONDAY}T06:20:00Z`));
    const { sender, sent } = recordingSender();
    const scheduler = reminderScheduler({ repository: storage.repository, sender });

    await scheduler.tick(at(`${MONDAY}T06:30:00Z`));
    await scheduler.tick(at(`${MONDAY}T06:40:00Z`));
    expect(sent).toEqual([]);
    await scheduler.tick(at(`${WEDNESDAY}T06:30:00Z`));
    expect(sent).toHaveLength(1);
  });

  it("counts a withdrawn session as not practised", async () => {
    const log = await remindMondaysAndWednesdays();
    await subscribe("https://fcm.googleapis.com/fcm/send/paris", "Europe/Paris");
    log.practise(MONDAY, { back: "calm" });
    const session = log.events.at(-1);
    log.add("retract", MONDAY, { target: session?.id ?? "" }, "07:25");
    await storage.repository.pushEvents(storage.person.id, log.events, at(`${MONDAY}T06:26:00Z`));
    const { sender, sent } = recordingSender();
    await reminderScheduler({ repository: storage.repository, sender }).tick(
      at(`${MONDAY}T06:30:00Z`),
    );
    expect(sent).toHaveLength(1);
  });

  it("sends a day's reminder once, whatever the minutes and restarts after it", async () => {
    await remindMondaysAndWednesdays();
    await subscribe("https://fcm.googleapis.com/fcm/send/paris", "Europe/Paris");
    const { sender, sent } = recordingSender();
    const first = reminderScheduler({ repository: storage.repository, sender });
    await first.tick(at(`${MONDAY}T06:30:00Z`));
    await first.tick(at(`${MONDAY}T06:31:00Z`));
    // A second process (or the same one restarted) finds the day already sent.
    const second = reminderScheduler({ repository: storage.repository, sender });
    await Promise.all([
      second.tick(at(`${MONDAY}T06:32:00Z`)),
      first.tick(at(`${MONDAY}T06:32:00Z`)),
    ]);
    expect(sent).toHaveLength(1);
    expect((await storage.repository.pushSubscriptionsOf(storage.person.id))[0]?.lastSentDay).toBe(
      MONDAY,
    );
  });

  it("does not send a reminder found more than half an hour late", async () => {
    await remindMondaysAndWednesdays();
    await subscribe("https://fcm.googleapis.com/fcm/send/paris", "Europe/Paris");
    const { sender, sent } = recordingSender();
    const scheduler = reminderScheduler({ repository: storage.repository, sender });
    await scheduler.tick(at(`${MONDAY}T07:00:00Z`));
    expect(sent).toEqual([]);
    await scheduler.tick(at(`${MONDAY}T06:59:00Z`));
    expect(sent).toHaveLength(1);
  });

  it("follows a changed reminder time as soon as it is synced", async () => {
    const log = await remindMondaysAndWednesdays();
    await subscribe("https://fcm.googleapis.com/fcm/send/paris", "Europe/Paris");
    const { sender, sent } = recordingSender();
    const scheduler = reminderScheduler({ repository: storage.repository, sender });
    await scheduler.tick(at(`${MONDAY}T05:00:00Z`));
    log.add("settings", "2026-11-29", { reminder: { days: ["MO"], time: "06:15" } });
    await storage.repository.pushEvents(storage.person.id, log.events, at("2026-11-29T08:00:00Z"));
    await scheduler.tick(at(`${MONDAY}T05:15:00Z`));
    expect(sent).toHaveLength(1);
  });

  it("forgets a subscription the push service calls gone, and tries a failed one again", async () => {
    await remindMondaysAndWednesdays();
    await subscribe("https://fcm.googleapis.com/fcm/send/gone", "Europe/Paris");
    await subscribe("https://fcm.googleapis.com/fcm/send/busy", "Europe/Paris");
    const answers: Record<string, SendOutcome> = {
      "https://fcm.googleapis.com/fcm/send/gone": { kind: "gone", status: 410 },
      "https://fcm.googleapis.com/fcm/send/busy": { kind: "failed", reason: "busy" },
    };
    const sent: string[] = [];
    const sender: PushSender = {
      async send(subscription) {
        sent.push(subscription.endpoint);
        return answers[subscription.endpoint] ?? { kind: "sent" };
      },
    };
    const scheduler = reminderScheduler({ repository: storage.repository, sender });
    expect(await scheduler.tick(at(`${MONDAY}T06:30:00Z`))).toEqual({
      sent: 0,
      removed: 1,
      failed: 1,
    });
    const left = await storage.repository.pushSubscriptionsOf(storage.person.id);
    expect(left.map((s) => s.endpoint)).toEqual(["https://fcm.googleapis.com/fcm/send/busy"]);
    expect(left[0]?.lastSentDay).toBeUndefined();

    answers["https://fcm.googleapis.com/fcm/send/busy"] = { kind: "sent" };
    expect(await scheduler.tick(at(`${MONDAY}T06:31:00Z`))).toMatchObject({ sent: 1 });
    expect(sent.sort()).toEqual([
      "https://fcm.googleapis.com/fcm/send/busy",
      "https://fcm.googleapis.com/fcm/send/busy",
      "https://fcm.googleapis.com/fcm/send/gone",
    ]);
  });

  it("sends nothing to a person with no reminder set", async () => {
    await subscribe("https://fcm.googleapis.com/fcm/send/paris", "Europe/Paris");
    const { sender, sent } = recordingSender();
    await reminderScheduler({ repository: storage.repository, sender }).tick(
      at(`${MONDAY}T06:30:00Z`),
    );
    expect(sent).toEqual([]);
  });
});
