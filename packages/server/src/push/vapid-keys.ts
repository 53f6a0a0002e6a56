import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import webpush from "web-push";
import { OWNER_FILE_MODE, OWNER_FOLDER_MODE } from "../storage/database.ts";
import { StorageConfigError } from "../storage/errors.ts";

/** The server's VAPID key pair (RFC 8292), base64url, which push services know it by. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

export const VAPID_FILE_NAME = "vapid-keys.json";

const PUBLIC_KEY = /^[A-Za-z0-9_-]{87}$/;
const PRIVATE_KEY = /^[A-Za-z0-9_-]{43}$/;

/**
 * The server's VAPID keys, kept in the data folder (owner only), made on the first start. Every
 * device's subscription is tied to the public key: a new pair would leave every device without
 * reminders until it turned them on again, so a file that does not read is refused, never
 * replaced.
 */
export function loadVapidKeys(dataDir: string): VapidKeys {
  const path = join(dataDir, VAPID_FILE_NAME);
  mkdirSync(dataDir, { recursive: true, mode: OWNER_FOLDER_MODE });
  const made = webpush.generateVAPIDKeys();
  try {
    // "wx": only if there is none yet, so two processes starting at once keep the same pair.
    writeFileSync(path, `${JSON.stringify(made, null, 2)}\n`, {
      flag: "wx",
      mode: OWNER_FILE_MODE,
    });
    return made;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  let kept: unknown;
  try {
    kept = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new StorageConfigError(
      `${path} could not be read (${(error as Error).message}); put back the copy from your backup, or remove it to make new keys (every device then turns reminders by push on again).`,
    );
  }
  const { publicKey, privateKey } = (kept ?? {}) as Partial<Record<string, unknown>>;
  if (
    typeof publicKey !== "string" ||
    typeof privateKey !== "string" ||
    !PUBLIC_KEY.test(publicKey) ||
    !PRIVATE_KEY.test(privateKey)
  ) {
    throw new StorageConfigError(
      `${path} does not hold a VAPID key pair (publicKey and privateKey in base64url); put back the copy from your backup, or remove it to make new keys (every device then turns reminders by push on again).`,
    );
  }
  return { publicKey, privateKey };
}
