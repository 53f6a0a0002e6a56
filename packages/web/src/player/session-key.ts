/**
 * Where the session in progress is kept on this device, apart from the rest of
 * persisted-session.ts so that Today can ask whether there is one without loading the player.
 */
export const SESSION_KEY = "limber.session-in-progress.v1";

/** Whether a session in progress is saved on this device, whatever its day or plan. */
export function sessionSaved(): boolean {
  try {
    return localStorage.getItem(SESSION_KEY) !== null;
  } catch {
    return false;
  }
}
