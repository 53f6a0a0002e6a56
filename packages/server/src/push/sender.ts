import type { Agent } from "node:https";
import webpush from "web-push";
import type { PushSubscriptionRecord } from "../storage/repository.ts";
import type { VapidKeys } from "./vapid-keys.ts";

/** What a push service said to one message. */
export type SendOutcome =
  | { kind: "sent" }
  /** 404 or 410: the subscription has expired or was withdrawn, and is forgotten. */
  | { kind: "gone"; status: number }
  /** Anything else (a refusal, no answer): tried again on a later minute while it is due. */
  | { kind: "failed"; reason: string };

export interface PushSender {
  send(subscription: PushSubscriptionRecord, payload: string): Promise<SendOutcome>;
}

export interface SenderOptions {
  keys: VapidKeys;
  /** The VAPID subject: a mailto: or https: contact for the push services. */
  contact: string;
  /** The https agent the messages go through (a test's own certificate authority). */
  agent?: Agent;
}

/** A reminder is worth delivering for an hour; after that the push service drops it. */
export const REMINDER_TTL_SECONDS = 3600;
/** How long one push service may take to answer. */
const SEND_TIMEOUT_MS = 10_000;

/**
 * Sends messages with web-push: encrypted to the device's keys (aes128gcm, RFC 8291) and signed
 * with the server's VAPID key (RFC 8292). A newer reminder replaces one not yet delivered.
 */
export function pushSender(options: SenderOptions): PushSender {
  return {
    async send(subscription, payload) {
      try {
        await webpush.sendNotification(
          { endpoint: subscription.endpoint, keys: subscription.keys },
          payload,
          {
            vapidDetails: { subject: options.contact, ...options.keys },
            TTL: REMINDER_TTL_SECONDS,
            urgency: "normal",
            topic: "reminder",
            contentEncoding: "aes128gcm",
            timeout: SEND_TIMEOUT_MS,
            ...(options.agent ? { agent: options.agent } : {}),
          },
        );
        return { kind: "sent" };
      } catch (error) {
        const status = (error as { statusCode?: unknown }).statusCode;
        if (status === 404 || status === 410) return { kind: "gone", status };
        const reason =
          typeof status === "number"
            ? `the push service answered ${status}`
            : error instanceof Error
              ? error.message
              : String(error);
        return { kind: "failed", reason };
      }
    },
  };
}
