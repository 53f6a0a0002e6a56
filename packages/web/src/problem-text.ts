/** The one sentence a person reads for anything that went wrong: the error's own plain message. */
export function problemText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
