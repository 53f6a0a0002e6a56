/**
 * Every error the API returns: a machine-readable `code` and one plain sentence (RFC 9457
 * shape), turned into a response in one place (app.ts). Nothing else reaches a client: no
 * stack traces, no internals.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiProblem";
  }
}

export const badRequest = (code: string, message: string) => new ApiProblem(400, code, message);
export const unauthorized = (message = "Please sign in first.") =>
  new ApiProblem(401, "not-signed-in", message);
export const forbidden = (code: string, message: string) => new ApiProblem(403, code, message);
