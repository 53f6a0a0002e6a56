import { isWellFormedToken } from "./tokens.ts";

// Over HTTPS the __Host- prefix makes browsers refuse the cookie unless it is Secure, has
// Path=/ and no Domain, so no sibling subdomain and no plain-HTTP page can set or shadow it.
// Browsers refuse that prefix without HTTPS, so local plain-HTTP use gets an ordinary name.
const SECURE_NAME = "__Host-limber_session";
const PLAIN_NAME = "limber_session";

/** The session cookie's name: the __Host- one over HTTPS, a plain one otherwise. */
export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_NAME : PLAIN_NAME;
}

export interface SessionCookieOptions {
  token: string;
  /** Whether the request came over HTTPS. */
  secure: boolean;
  maxAgeSeconds: number;
}

/** The Set-Cookie value that hands a new session token to the browser. */
export function sessionCookie({ token, secure, maxAgeSeconds }: SessionCookieOptions): string {
  // Anything else would be a bug upstream, and a ';' or line break here would let it rewrite
  // the cookie's attributes or the response's headers.
  if (!isWellFormedToken(token)) {
    throw new Error("A session cookie can only carry a session token.");
  }
  if (!Number.isSafeInteger(maxAgeSeconds) || maxAgeSeconds <= 0) {
    throw new RangeError(`A session cookie needs a positive whole Max-Age, not ${maxAgeSeconds}.`);
  }
  return cookieWith(secure, token, maxAgeSeconds);
}

/** The Set-Cookie value that makes the browser forget its session cookie. */
export function clearSessionCookie(secure: boolean): string {
  return cookieWith(secure, "", 0);
}

// HttpOnly keeps the token out of reach of scripts; SameSite=Lax keeps it off cross-site
// POSTs while still sending it when a person follows a link into the app.
function cookieWith(secure: boolean, value: string, maxAgeSeconds: number): string {
  const attributes = ["Path=/", `Max-Age=${maxAgeSeconds}`, "HttpOnly", "SameSite=Lax"];
  if (secure) attributes.push("Secure");
  return [`${sessionCookieName(secure)}=${value}`, ...attributes].join("; ");
}

/**
 * The session token in a Cookie header, or undefined when there is none, it is malformed, or
 * the header names the session cookie more than once with different values. Never throws.
 */
export function readSessionToken(
  cookieHeader: string | undefined,
  secure: boolean,
): string | undefined {
  // Checked at run time too: a header that arrives as an array must not throw.
  if (typeof cookieHeader !== "string") return undefined;
  const name = sessionCookieName(secure);
  const values = new Set<string>();
  for (const pair of cookieHeader.split(";")) {
    const separator = pair.indexOf("=");
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() === name) values.add(pair.slice(separator + 1).trim());
  }
  // Two different values mean someone else planted one (say, a sibling subdomain setting a
  // Domain cookie). Picking either could sign the person into a stranger's account and file
  // their back journal there, so neither is trusted; they are simply signed out.
  if (values.size !== 1) return undefined;
  const [token] = values;
  return isWellFormedToken(token) ? token : undefined;
}
