/**
 * Whether the browser keeps Limber's storage until the person removes it ("kept"), or may clear
 * it on its own to free space or after a time unused ("may-clear"); "unknown" where the browser
 * gives no StorageManager (some do only over HTTPS).
 */
export type Persistence = "kept" | "may-clear" | "unknown";

export async function storagePersistence(): Promise<Persistence> {
  return ask(() => navigator.storage.persisted());
}

/** Asks the browser to keep Limber's storage: Chrome decides on its own, Firefox asks the person. */
export async function keepStorage(): Promise<Persistence> {
  return ask(() => navigator.storage.persist());
}

async function ask(question: () => Promise<boolean>): Promise<Persistence> {
  if (typeof navigator === "undefined" || !navigator.storage?.persist) return "unknown";
  try {
    return (await question()) ? "kept" : "may-clear";
  } catch {
    return "unknown";
  }
}
