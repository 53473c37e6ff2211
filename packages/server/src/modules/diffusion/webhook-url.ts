import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import type { Config } from "../../config.js";
import { AppError } from "../../lib/app-error.js";

/** Host name → its addresses. Injectable so that tests stay offline; the default asks the system's DNS. */
export type HostResolver = (host: string) => Promise<string[]>;

export const systemResolver: HostResolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

// Addresses a webhook must never reach: this machine, the private network, cloud metadata
// (169.254.169.254), multicast, unspecified and reserved ranges. A process-wide constant: filled
// below, only read afterwards.
const refused = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // unspecified, "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local (cloud metadata)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const)
  refused.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["fc00::", 7], // unique-local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
  ["2001:db8::", 32], // documentation
] as const)
  refused.addSubnet(net, prefix, "ipv6");

/** The 8 groups of an IPv6 address as numbers. */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().split("%")[0] as string;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a, b, c, d] = dotted[1].split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const middle = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...middle, ...right].map((g) => Number.parseInt(g || "0", 16));
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible or NAT64 IPv6 address. */
function embeddedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  const v4 = () =>
    `${(g[6] as number) >> 8}.${(g[6] as number) & 255}.${(g[7] as number) >> 8}.${(g[7] as number) & 255}`;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return v4(); // ::ffff:a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return v4(); // 64:ff9b::a.b.c.d (NAT64)
  if (zeros(0, 6) && !((g[6] as number) === 0 && (g[7] as number) <= 1)) return v4(); // ::a.b.c.d
  return null;
}

/** True when the address is not a public unicast address. */
export function isForbiddenAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return refused.check(address, "ipv4");
  if (version === 6) {
    const v4 = embeddedIpv4(address);
    if (v4) return refused.check(v4, "ipv4");
    return refused.check(address.split("%")[0] as string, "ipv6");
  }
  return true;
}

const invalid = (reason: string) =>
  new AppError("WEBHOOK_URL_INVALID", {
    message: `L'adresse du webhook doit être une URL https publique : ${reason}.`,
  });

/**
 * Checks a webhook URL and every address its host resolves to, at registration and again before each
 * delivery (DNS may change). Outside production, plain http to localhost/127.0.0.1 is accepted (local
 * receivers, tests); nothing else private ever is. Returns the addresses checked: a delivery
 * connects to one of them and never resolves the name again (webhook-http.ts, DNS rebinding).
 */
export async function checkWebhookTarget(
  url: string,
  config: Pick<Config, "env">,
  resolve: HostResolver = systemResolver,
): Promise<string[]> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid("URL illisible");
  }
  if (parsed.username || parsed.password) throw invalid("identifiants dans l'URL refusés");
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  if (config.env !== "production" && parsed.protocol === "http:" && (host === "localhost" || host === "127.0.0.1"))
    return ["127.0.0.1"];
  if (parsed.protocol !== "https:") throw invalid("https seulement");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw invalid(`le nom « ${host} » ne se résout pas`);
    }
  }
  if (addresses.length === 0) throw invalid(`le nom « ${host} » ne se résout pas`);
  if (addresses.some(isForbiddenAddress)) throw invalid("adresse locale, privée ou réservée");
  return addresses;
}
