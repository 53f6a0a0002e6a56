import { en } from "zod/locales";
import { type Programme, programmeData } from "../events/schema.ts";
import { utf8Bytes, utf8Text } from "../utf8.ts";

/**
 * A programme carried in a link's fragment (the part after `#`, which browsers never send to a
 * server): `#/programme?p=1.<payload>.<check>`. The payload is the programme's JSON with short
 * keys, as UTF-8 in base64url; the check is the CRC-32 of the payload, so a link cut short or
 * changed by hand is refused rather than half-read. It is a check, not a signature: anyone who
 * can make a link can make a valid one, which is why the person sees who prescribed what, in
 * words, before anything is recorded.
 */
export const LINK_VERSION = 1;
export const PROGRAMME_ROUTE = "#/programme";
/** The builder's address, where a clinician opens a programme's link to change it. */
export const CLINICIAN_ROUTE = "#/clinician";

/** Long key → short key. Every key a programme has is here; the link has only these. */
const SHORT: Record<string, string> = {
  programmeId: "i",
  revision: "r",
  prescriber: "b",
  name: "n",
  role: "o",
  practice: "c",
  prescribedOn: "d",
  exercises: "x",
  exercise: "e",
  variants: "v",
  dose: "q",
  startStep: "s",
  excluded: "z",
  progression: "g",
  daysPerWeek: "w",
  endsOn: "u",
  note: "t",
  sets: "S",
  reps: "R",
  holds: "H",
  holdSeconds: "L",
  seconds: "T",
};
const LONG = Object.fromEntries(Object.entries(SHORT).map(([long, short]) => [short, long]));

/** The same value with every object key renamed by `names`; an unknown key is kept as `?key`. */
function renamed(value: unknown, names: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => renamed(item, names));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [names[key] ?? `?${key}`, renamed(item, names)]),
  );
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

function base64url(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

function fromBase64url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    let n = 0;
    for (let c = 0; c < 4; c++)
      n = (n << 6) | (c < chunk.length ? ALPHABET.indexOf(chunk[c] as string) : 0);
    const count = Math.floor((chunk.length * 6) / 8);
    for (let b = 0; b < count; b++) bytes.push((n >> (16 - 8 * b)) & 255);
  }
  return Uint8Array.from(bytes);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (IEEE 802.3) of a text's UTF-8 bytes, as 8 hex digits. */
export function crc32(text: string): string {
  let crc = 0xffffffff;
  for (const byte of utf8Bytes(text)) {
    crc = (CRC_TABLE[(crc ^ byte) & 255] as number) ^ (crc >>> 8);
  }
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, "0");
}

/** The programme as a link's code: `1.<payload>.<check>`. */
export function encodeProgramme(programme: Programme): string {
  const payload = base64url(utf8Bytes(JSON.stringify(renamed(programme, SHORT))));
  return `${LINK_VERSION}.${payload}.${crc32(payload)}`;
}

/** The whole link: an address of this app (its origin and path) with the programme after `#`. */
export function programmeLink(appAddress: string, programme: Programme): string {
  return `${appAddress.replace(/#.*$/, "")}${PROGRAMME_ROUTE}?p=${encodeProgramme(programme)}`;
}

/** The code a fragment carries, from a whole link or a bare `#/…?p=` fragment. */
export function codeOf(linkOrHash: string): string | undefined {
  const hash = linkOrHash.slice(linkOrHash.indexOf("#") + 1);
  const query = hash.split("?")[1] ?? "";
  const value = query
    .split("&")
    .find((pair) => pair.startsWith("p="))
    ?.slice(2);
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value.replaceAll("+", " "));
  } catch {
    return value;
  }
}

export type Decoded = { ok: true; programme: Programme } | { ok: false; problem: string };

const BROKEN =
  "This programme link is incomplete or was changed after it was made, so Limber cannot use it; please ask for the link again.";

/**
 * The programme a link's code carries, checked whole: its version, its check, and the same
 * schema every programme event passes. Anything else gets one plain sentence.
 */
export function decodeProgramme(code: string | undefined): Decoded {
  const parts = (code ?? "").trim().split(".");
  if (parts.length !== 3) return { ok: false, problem: BROKEN };
  const [version, payload = "", check] = parts;
  if (!/^\d+$/.test(version ?? "")) return { ok: false, problem: BROKEN };
  if (Number(version) > LINK_VERSION) {
    return {
      ok: false,
      problem:
        "This programme link was made by a newer Limber than this one; please update Limber and open it again.",
    };
  }
  if (check !== crc32(payload)) return { ok: false, problem: BROKEN };
  const bytes = fromBase64url(payload);
  if (!bytes) return { ok: false, problem: BROKEN };
  const json = utf8Text(bytes);
  let raw: unknown;
  try {
    raw = JSON.parse(json ?? "");
  } catch {
    return { ok: false, problem: BROKEN };
  }
  const parsed = programmeData.safeParse(renamed(raw, LONG), { error: en().localeError });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join(".");
    return {
      ok: false,
      problem: `This programme link holds something Limber cannot follow (${where ? `${where}: ` : ""}${issue?.message ?? "invalid"}); please ask for the link again.`,
    };
  }
  return { ok: true, programme: parsed.data };
}
