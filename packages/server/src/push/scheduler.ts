import {
  type LimberEvent,
  practisedOn,
  project,
  reminderDueDay,
  reminderText,
  type Settings,
} from "@limber/core";
import type { PushSubscriptionRecord, Repository, UnreadableEvent } from "../storage/repository.ts";
import type { PushSender } from "./sender.ts";

/** What the scheduler tells the server's log: never an endpoint's address or a log's contents. */
export interface SchedulerLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface SchedulerOptions {
  repository: Repository;
  sender: PushSender;
  /** The clock, as an argument so tests can move it. */
  now?: () => Date;
  log?: SchedulerLog;
}

/** What one look at the clock did. */
export interface TickReport {
  sent: number;
  /** Subscriptions the push service said were gone (404, 410), now forgotten. */
  removed: number;
  failed: number;
}

export interface ReminderScheduler {
  /** Sends every reminder due at `now` that has not been sent for its day. */
  tick(now?: Date): Promise<TickReport>;
  /** Looks at the clock every minute until `stop`. */
  start(): void;
  /** Stops looking, and waits for a look under way to finish. */
  stop(): Promise<void>;
}

/** How often the clock is looked at: a reminder comes within a minute of its time. */
export const TICK_MS = 60_000;

const quiet: SchedulerLog = { info() {}, warn() {}, error() {} };

/** A day later than any event's, so only settings and withdrawals are read for it. */
const NO_SESSIONS = "9999-12-31";

/**
 * Sends each person's reminder by Web Push at their chosen local time on their chosen days, read
 * from their synced log, in the time zone of each device; not on a day they have already
 * practised (the same rule as on the device), and once a day per device: the day is claimed in
 * the database before the message goes, so a restart or a second server process never sends it
 * twice. A send that fails for now is given back and tried on the next minute while the reminder
 * is still due; a subscription the push service calls gone is forgotten.
 */
export function reminderScheduler(options: SchedulerOptions): ReminderScheduler {
  const { repository, sender } = options;
  const clock = options.now ?? (() => new Date());
  const log = options.log ?? quiet;
  /** Each person's reminder settings, read again only when their log has grown. */
  const settingsCache = new Map<string, { seq: number; settings: Settings }>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<unknown> | undefined;

  const onUnreadable = (problem: UnreadableEvent) =>
    log.error(
      { account: problem.userId, event: problem.id, seq: problem.seq },
      `a stored event could not be read for a reminder: ${problem.error.message}`,
    );

  const settingsOf = async (userId: string): Promise<Settings> => {
    const seq = await repository.lastSeq(userId);
    const cached = settingsCache.get(userId);
    if (cached?.seq === seq) return cached.settings;
    const events = await repository.reminderEvents(userId, NO_SESSIONS, onUnreadable);
    const { settings } = project(events);
    settingsCache.set(userId, { seq, settings });
    return settings;
  };

  const sendOne = async (
    subscription: PushSubscriptionRecord,
    day: string,
    payload: string,
    report: TickReport,
  ) => {
    const { userId, endpoint } = subscription;
    if (!(await repository.claimPushDay(userId, endpoint, day))) return;
    const outcome = await sender.send(subscription, payload);
    if (outcome.kind === "sent") {
      report.sent++;
    } else if (outcome.kind === "gone") {
      await repository.deletePushSubscription(userId, endpoint);
      report.removed++;
      log.info(
        { account: userId, status: outcome.status },
        "a push subscription has expired and was removed",
      );
    } else {
      await repository.releasePushDay(userId, endpoint, day, subscription.lastSentDay);
      report.failed++;
      log.warn({ account: userId }, `a reminder could not be sent yet: ${outcome.reason}`);
    }
  };

  const remindPerson = async (userId: string, now: Date, report: TickReport) => {
    const settings = await settingsOf(userId);
    if (!settings.reminder) return;
    const due: { subscription: PushSubscriptionRecord; day: string }[] = [];
    for (const subscription of await repository.pushSubscriptionsOf(userId)) {
      const day = reminderDueDay(settings, now, subscription.timeZone);
      if (day !== undefined && day !== subscription.lastSentDay) due.push({ subscription, day });
    }
    if (due.length === 0) return;
    const from = due.map((d) => d.day).sort()[0] ?? NO_SESSIONS;
    const events: LimberEvent[] = await repository.reminderEvents(userId, from, onUnreadable);
    const state = project(events);
    // Only the anchor goes: the text names nothing else from the person's log.
    const payload = JSON.stringify({ ...reminderText(state.settings.anchor), tag: "reminder" });
    for (const { subscription, day } of due) {
      if (practisedOn(state, day)) continue;
      await sendOne(subscription, day, payload, report);
    }
  };

  const tick = async (now = clock()): Promise<TickReport> => {
    const report: TickReport = { sent: 0, removed: 0, failed: 0 };
    for (const userId of await repository.pushSubscribers()) {
      try {
        await remindPerson(userId, now, report);
      } catch (error) {
        report.failed++;
        log.error({ account: userId, err: error }, "reminders could not be sent for an account");
      }
    }
    return report;
  };

  return {
    tick,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        // A look that takes longer than a minute is not overlapped by the next.
        if (running) return;
        running = tick()
          .catch((error: unknown) => log.error({ err: error }, "the reminder scheduler failed"))
          .finally(() => {
            running = undefined;
          });
      }, TICK_MS);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
