import { EventParseError } from "@limber/core";
import { ServerProblem } from "./sync/server.ts";

/**
 * The one sentence a person reads for anything that went wrong (architecture.md, errors): the
 * server's own plain sentence, or a sentence of Limber's for what the browser said. No raw
 * DOMException, schema text or stack reaches a screen.
 */
export function sentenceFor(error: unknown): string {
  if (error instanceof ServerProblem) return error.message;
  if (error instanceof EventParseError) {
    // The schema's own words are for people ("the work window ends after it starts").
    if (error.plain) return sentence(error.plain);
    return "That entry did not pass Limber's checks, so it was not saved. Nothing else changed.";
  }
  if (isNamed(error)) {
    const said = BROWSER_SENTENCES[error.name];
    if (said) return said;
  }
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) {
    return "No connection right now. Your entries are safe on this device.";
  }
  if (error instanceof SentenceError) return error.message;
  return "Something went wrong on this device. Nothing was lost; please try again.";
}

const sentence = (text: string) => {
  const raised = `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  return /[.?]$/.test(raised) ? raised : `${raised}.`;
};

/** An error whose message is already a sentence for a person, written by Limber itself. */
export class SentenceError extends Error {
  override name = "SentenceError";
}

const isNamed = (error: unknown): error is { name: string } =>
  typeof error === "object" &&
  error !== null &&
  typeof (error as { name?: unknown }).name === "string";

/** What the browser's own errors mean, in Limber's words (DOMException names). */
const BROWSER_SENTENCES: Record<string, string> = {
  QuotaExceededError:
    "This device has no room left for Limber's entries. Free some space, then try again; nothing was lost.",
  NotAllowedError: "The browser did not allow that. You can change it in the browser's settings.",
  SecurityError:
    "The browser does not let Limber keep entries here, as in some private windows. Please open Limber in a normal window.",
  InvalidStateError: "Limber was changed in another tab. Reload this page, and try again.",
  VersionError: "A newer Limber is open in another tab. Reload this page to use it.",
  AbortError: "That was stopped before it finished. Nothing was saved; please try again.",
  UnknownError: "The browser's storage had a problem. Reload the page and try again.",
  NotFoundError: "Something Limber needed was not found. Reload the page and try again.",
  NotSupportedError: "This browser cannot do that.",
};
