import { describe, expect, it } from "vitest";
import {
  addressBlock,
  blockDurationMs,
  type RateLimitPolicy,
  SIGN_IN_POLICIES,
  signInKeys,
} from "./rate-limit-keys.ts";

const MINUTE_MS = 60_000;

describe("addressBlock", () => {
  it.each([
    ["an IPv4 address", "203.0.113.7", "203.0.113.7"],
    ["an IPv6 address", "2001:db8:85a3::8a2e:370:7334", "2001:db8:85a3:0::/64"],
    [
      "IPv6 written in full, upper case",
      "2001:0DB8:0000:0001:FFFF:0000:0000:0001",
      "2001:db8:0:1::/64",
    ],
    ["IPv6 with all eight groups", "2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["IPv6 ending in ::", "2001:db8::", "2001:db8:0:0::/64"],
    ["IPv6 loopback", "::1", "0:0:0:0::/64"],
    ["IPv6 with a zone", "fe80::1%eth0", "fe80:0:0:0::/64"],
    ["IPv6 ending in dotted IPv4", "2001:db8:1:2:3:4:192.0.2.1", "2001:db8:1:2::/64"],
    ["IPv4 as a dual-stack server sees it", "::ffff:203.0.113.7", "203.0.113.7"],
    ["IPv4-mapped IPv6 in hex", "::ffff:cb00:7107", "203.0.113.7"],
    ["surrounding spaces", " 2001:db8::1 ", "2001:db8:0:0::/64"],
    ["something that is no address", "unknown", "unknown"],
  ])("keys %s by its block: %s", (_, ip, block) => {
    expect(addressBlock(ip)).toBe(block);
  });
});

describe("signInKeys", () => {
  const keysOf = (ip: string, email = "ana@example.com") => signInKeys(ip, email);

  it("gives every address in one IPv6 /64 the same key", () => {
    expect(keysOf("2001:db8:0:1::1").byAddress).toBe(
      keysOf("2001:db8:0:1:abcd:ef01:2345:6789").byAddress,
    );
  });

  it("gives neighbouring /64s and neighbouring IPv4 addresses their own keys", () => {
    expect(keysOf("2001:db8:0:1::1").byAddress).not.toBe(keysOf("2001:db8:0:2::1").byAddress);
    expect(keysOf("203.0.113.7").byAddress).not.toBe(keysOf("203.0.113.8").byAddress);
  });

  it("keys an IPv4 client the same on a dual-stack server", () => {
    expect(keysOf("::ffff:203.0.113.7").byAddress).toBe(keysOf("203.0.113.7").byAddress);
  });

  it.each([" Ana@Example.COM ", "ANA@EXAMPLE.COM", "ana@example.com\n"])(
    "keys %j as the same account as ana@example.com",
    (email) => {
      expect(signInKeys("203.0.113.7", email).byAccount).toBe(keysOf("203.0.113.7").byAccount);
    },
  );

  it("keys the account the same from any address, and different accounts apart", () => {
    expect(keysOf("203.0.113.7").byAccount).toBe(keysOf("2001:db8::1").byAccount);
    expect(keysOf("203.0.113.7", "ben@example.com").byAccount).not.toBe(
      keysOf("203.0.113.7").byAccount,
    );
  });

  it("keeps the two kinds of key apart even for the same text", () => {
    const keys = signInKeys("ana@example.com", "ana@example.com");
    expect(keys.byAddress).not.toBe(keys.byAccount);
  });

  it("stores neither the address nor the email, and stays fixed-width", () => {
    const keys = signInKeys("203.0.113.7", `${"a".repeat(10_000)}@example.com`);
    expect(keys.byAddress).toMatch(/^sign-in:address:[0-9a-f]{64}$/);
    expect(keys.byAccount).toMatch(/^sign-in:account:[0-9a-f]{64}$/);
    expect(keys.failedFromAddress).toMatch(/^sign-in:failed-from:[0-9a-f]{64}$/);
    expect(keys.freshAtAccount).toMatch(/^sign-in:fresh-at:[0-9a-f]{64}$/);
    expect(keys.knownAddress).toMatch(/^sign-in:known:[0-9a-f]{64}$/);
  });

  it("still keys an email that is not a valid address", () => {
    expect(signInKeys("203.0.113.7", " NOT AN EMAIL ").byAccount).toBe(
      signInKeys("203.0.113.7", "not an email").byAccount,
    );
  });
});

describe("SIGN_IN_POLICIES", () => {
  it("allows 20 failures per address and 5 per account in 15 minutes, blocking 1 min to 1 h", () => {
    const common = { windowMs: 15 * MINUTE_MS, baseBlockMs: MINUTE_MS, maxBlockMs: 60 * MINUTE_MS };
    expect(SIGN_IN_POLICIES).toMatchObject({
      byAddress: { ...common, maxFailures: 20 },
      byAccount: { ...common, maxFailures: 5 },
    });
  });

  it("gives fresh addresses ten tries a day between them at a blocked account", () => {
    expect(SIGN_IN_POLICIES.freshAtAccount).toEqual({
      windowMs: 24 * 60 * MINUTE_MS,
      maxFailures: 10,
      baseBlockMs: 24 * 60 * MINUTE_MS,
      maxBlockMs: 24 * 60 * MINUTE_MS,
    });
  });
});

describe("blockDurationMs", () => {
  const policy: RateLimitPolicy = SIGN_IN_POLICIES.byAccount;

  it.each([
    [0, 1],
    [1, 2],
    [2, 4],
    [5, 32],
    [6, 60],
    [1000, 60],
  ])("after %i blocks in a row, blocks for %i minutes", (blocksInARow, minutes) => {
    expect(blockDurationMs(policy, blocksInARow)).toBe(minutes * MINUTE_MS);
  });

  it.each([[-1], [0.5], [Number.NaN]])("treats a count of %d as none", (blocksInARow) => {
    expect(blockDurationMs(policy, blocksInARow)).toBe(MINUTE_MS);
  });
});
