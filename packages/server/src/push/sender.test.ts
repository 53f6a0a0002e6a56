import { execFileSync } from "node:child_process";
import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  randomBytes,
  verify,
} from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { Agent, createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Log } from "@limber/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reminderScheduler } from "./scheduler.ts";
import { pushSender } from "./sender.ts";
import { pushStorage } from "./testing.ts";
import { loadVapidKeys } from "./vapid-keys.ts";

/**
 * The push service's side, played by an HTTPS server on this machine: it keeps each request,
 * and the browser's side is a P-256 key pair and auth secret made here, as a browser makes them,
 * so what the server sends can be decrypted as a device would (aes128gcm, RFC 8188 and 8291).
 */
interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const b64u = (bytes: Buffer) => bytes.toString("base64url");

/** A browser's push keys: an ECDH key pair on P-256 and a 16-byte auth secret. */
function browserKeys() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { ecdh, publicKey: ecdh.getPublicKey(), auth: randomBytes(16) };
}

/** Decrypts an aes128gcm Web Push message body (RFC 8291 §3.4, RFC 8188 §2) as the device does. */
function decrypt(body: Buffer, keys: ReturnType<typeof browserKeys>): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body.readUInt8(20);
  const serverPublicKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  expect(idLength).toBe(65);
  expect(ciphertext.length).toBeLessThanOrEqual(recordSize);

  const ecdhSecret = keys.ecdh.computeSecret(serverPublicKey);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), keys.publicKey, serverPublicKey]);
  const ikm = Buffer.from(hkdfSync("sha256", ecdhSecret, keys.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, "Content-Encoding: aes128gcm\0", 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, "Content-Encoding: nonce\0", 12));

  // One record (the message is short): its sequence number 0 leaves the nonce as it is.
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  // The last record ends with the delimiter 0x02, then any zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  expect(padded[end]).toBe(2);
  return padded.subarray(0, end).toString("utf8");
}

/** Checks the VAPID header (RFC 8292): a JWT signed with the server's key, for this audience. */
function vapidClaims(header: string, publicKey: string): Record<string, unknown> {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header);
  expect(match).not.toBeNull();
  const [, token = "", key = ""] = match ?? [];
  expect(key).toBe(publicKey);
  const [head = "", claims = "", signature = ""] = token.split(".");
  const point = Buffer.from(key, "base64url");
  const jwk = {
    kty: "EC",
    crv: "P-256",
    x: b64u(point.subarray(1, 33)),
    y: b64u(point.subarray(33, 65)),
  };
  const signed = verify(
    "sha256",
    Buffer.from(`${head}.${claims}`),
    { key: createPublicKey({ key: jwk, format: "jwk" }), dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  expect(signed).toBe(true);
  return JSON.parse(Buffer.from(claims, "base64url").toString("utf8"));
}

let dir: string;
let server: Server;
let agent: Agent;
let origin: string;
const received: Received[] = [];
/** How the push service answers each path. */
const statusFor = new Map<string, number>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "limber-push-service-"));
  // A certificate for 127.0.0.1, which the sender is told to trust through its agent.
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  const cert = readFileSync(join(dir, "cert.pem"));
  server = createServer({ key: readFileSync(join(dir, "key.pem")), cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "";
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(statusFor.get(path) ?? 201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  agent = new Agent({ ca: cert });
});

afterAll(async () => {
  agent?.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe("reminders sent by Web Push", () => {
  it("reach the device encrypted to its keys, signed with the server's key, with the anchor and nothing more", async () => {
    const storage = await pushStorage();
    try {
      const keys = loadVapidKeys(storage.dir);
      const device = browserKeys();
      const log = new Log();
      log.add("settings", "2026-11-20", {
        anchor: "after my morning coffee",
        reminder: { days: ["MO"], time: "07:30" },
        region: "GB",
        birthYear: 1970,
      });
      log.checkIn("2026-11-29", { back: "grumpy", pain: 6, leg: "one-leg" });
      log.add("note", "2026-11-29", { text: "my back hurt after the long drive" });
      await storage.repository.pushEvents(storage.person.id, log.events, new Date());
      await storage.repository.savePushSubscription({
        userId: storage.person.id,
        endpoint: `${origin}/push/device-1`,
        keys: { p256dh: b64u(device.publicKey), auth: b64u(device.auth) },
        timeZone: "Europe/London",
        now: new Date(),
      });
      const sender = pushSender({ keys, contact: "mailto:care@example.org", agent });
      const scheduler = reminderScheduler({ repository: storage.repository, sender });

      // 07:30 in London on Monday 30 November 2026 (GMT, UTC+0).
      expect(await scheduler.tick(new Date("2026-11-30T07:30:00Z"))).toEqual({
        sent: 1,
        removed: 0,
        failed: 0,
      });
      const message = received.find((r) => r.path === "/push/device-1");
      if (!message) throw new Error("the push service received nothing");
      expect(message.headers["content-encoding"]).toBe("aes128gcm");
      expect(message.headers.ttl).toBe("3600");
      expect(message.headers.topic).toBe("reminder");
      const claims = vapidClaims(String(message.headers.authorization), keys.publicKey);
      expect(claims).toMatchObject({ aud: origin, sub: "mailto:care@example.org" });

      const text = decrypt(message.body, device);
      expect(JSON.parse(text)).toEqual({
        title: "Limber",
        body: "After my morning coffee: time for today's few minutes of Limber.",
        tag: "reminder",
      });
      // Nothing from the log but the anchor: no pain, no leg, no note, no region, no age.
      for (const word of ["grumpy", "pain", "leg", "drive", "GB", "1970", "reminded@"]) {
        expect(text).not.toContain(word);
      }
    } finally {
      await storage.close();
    }
  });

  it("forget a device whose subscription the push service calls gone (404, 410)", async () => {
    const storage = await pushStorage();
    try {
      const keys = loadVapidKeys(storage.dir);
      const log = new Log();
      log.add("settings", "2026-11-20", { reminder: { days: ["MO"], time: "07:30" } });
      await storage.repository.pushEvents(storage.person.id, log.events, new Date());
      for (const [path, status] of [
        ["/push/expired", 410],
        ["/push/unknown", 404],
        ["/push/refused", 403],
      ] as const) {
        statusFor.set(path, status);
        const device = browserKeys();
        await storage.repository.savePushSubscription({
          userId: storage.person.id,
          endpoint: `${origin}${path}`,
          keys: { p256dh: b64u(device.publicKey), auth: b64u(device.auth) },
          timeZone: "Europe/London",
          now: new Date(),
        });
      }
      const sender = pushSender({ keys, contact: "mailto:care@example.org", agent });
      const report = await reminderScheduler({ repository: storage.repository, sender }).tick(
        new Date("2026-11-30T07:31:00Z"),
      );
      expect(report).toEqual({ sent: 0, removed: 2, failed: 1 });
      const left = await storage.repository.pushSubscriptionsOf(storage.person.id);
      expect(left.map((s) => s.endpoint)).toEqual([`${origin}/push/refused`]);
      // The refused one is tried again on the next minute.
      const again = await reminderScheduler({ repository: storage.repository, sender }).tick(
        new Date("2026-11-30T07:32:00Z"),
      );
      expect(again).toEqual({ sent: 0, removed: 0, failed: 1 });
    } finally {
      await storage.close();
    }
  });
});

describe("the VAPID keys", () => {
  it("are made once in the data folder, owner only, and read back the same", () => {
    const folder = mkdtempSync(join(tmpdir(), "limber-vapid-"));
    try {
      const made = loadVapidKeys(folder);
      expect(made.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
      expect(loadVapidKeys(folder)).toEqual(made);
      expect(statSync(join(folder, "vapid-keys.json")).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("are never replaced when the file does not read: the server refuses to start instead", () => {
    const folder = mkdtempSync(join(tmpdir(), "limber-vapid-"));
    try {
      writeFileSync(join(folder, "vapid-keys.json"), '{"publicKey": "short"}');
      expect(() => loadVapidKeys(folder)).toThrow(/does not hold a VAPID key pair/);
      writeFileSync(join(folder, "vapid-keys.json"), "{ not json");
      expect(() => loadVapidKeys(folder)).toThrow(/could not be read/);
      expect(readFileSync(join(folder, "vapid-keys.json"), "utf8")).toBe("{ not json");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
