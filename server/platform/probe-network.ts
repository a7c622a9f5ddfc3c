/**
 * Where the camera probe may connect (server/modules/supervision/cameras.ts). Institution admins type the addresses, so the probe
 * must not become a way to ask the platform's own host or its cloud metadata service "is this port
 * open?" (SSRF). Every probe resolves the host itself, checks every address it resolves to, and then
 * connects to the checked address only (no second lookup a DNS answer could change in between).
 *
 * - Without CAMERA_PROBE_NETWORKS: any address except this host (127.0.0.0/8, ::1), link-local
 *   (169.254.0.0/16 — cloud metadata lives there — and fe80::/10), "this network" (0.0.0.0/8, ::),
 *   multicast and broadcast. Private networks stay allowed: cameras are commonly on a video private
 *   network (视频专网) with private addresses.
 * - With CAMERA_PROBE_NETWORKS (comma-separated CIDRs, e.g. "10.20.0.0/16,fd00:20::/32"): only
 *   addresses inside those networks, whatever they are (a test lists 127.0.0.0/8 to reach its own
 *   endpoints).
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const NEVER = new BlockList();
NEVER.addSubnet('127.0.0.0', 8, 'ipv4');
NEVER.addSubnet('169.254.0.0', 16, 'ipv4');
NEVER.addSubnet('0.0.0.0', 8, 'ipv4');
NEVER.addSubnet('224.0.0.0', 4, 'ipv4');
NEVER.addAddress('255.255.255.255', 'ipv4');
NEVER.addAddress('::1', 'ipv6');
NEVER.addAddress('::', 'ipv6');
NEVER.addSubnet('fe80::', 10, 'ipv6');
NEVER.addSubnet('ff00::', 8, 'ipv6');

export interface ProbeNetworks {
  /** The configured CIDRs (empty: the default rule above). */
  cidrs: readonly string[];
  allow: BlockList | null;
}

/** Parse CAMERA_PROBE_NETWORKS (or `variable`); a bad entry stops the start naming the variable and the entry. */
export function probeNetworks(raw: string | undefined, variable = 'CAMERA_PROBE_NETWORKS'): ProbeNetworks {
  const cidrs = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (cidrs.length === 0) return { cidrs, allow: null };
  const allow = new BlockList();
  for (const c of cidrs) {
    const [net, bits] = c.split('/');
    const family = isIP(net ?? '');
    const n = Number(bits);
    if (!family || !Number.isInteger(n) || n < 0 || n > (family === 4 ? 32 : 128))
      throw new Error(
        `${variable} 中的 "${c}" 不是网段（如 10.20.0.0/16） / ${variable}: "${c}" is not a network (e.g. 10.20.0.0/16)`,
      );
    allow.addSubnet(net!, n, family === 4 ? 'ipv4' : 'ipv6');
  }
  return { cidrs, allow };
}

/** IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged as the IPv4 address it carries. */
function unmapped(ip: string): { ip: string; family: 'ipv4' | 'ipv6' } {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (m) return { ip: m[1]!, family: 'ipv4' };
  return { ip, family: isIP(ip) === 4 ? 'ipv4' : 'ipv6' };
}

/** Whether the probe may connect to this IP address. */
export function probeAllowed(ip: string, networks: ProbeNetworks): boolean {
  const a = unmapped(ip);
  if (!isIP(a.ip)) return false;
  return networks.allow ? networks.allow.check(a.ip, a.family) : !NEVER.check(a.ip, a.family);
}

/**
 * The address to connect to for a host: resolved once, every answer checked (one refused address
 * refuses the host: a name that also points inside must not be probed), or null.
 */
export async function probeAddress(
  host: string,
  networks: ProbeNetworks,
): Promise<{ address: string; family: 4 | 6 } | null> {
  return checkedAddress(host, (ip) => probeAllowed(ip, networks));
}

/** Resolve once, check every answer with `allowed`; the first answer, or null. */
async function checkedAddress(
  host: string,
  allowed: (ip: string) => boolean,
): Promise<{ address: string; family: 4 | 6 } | null> {
  const bare = host.replace(/^\[|\]$/g, '');
  let answers: { address: string; family: number }[];
  try {
    answers = isIP(bare) ? [{ address: bare, family: isIP(bare) }] : await lookup(bare, { all: true });
  } catch {
    return null;
  }
  if (answers.length === 0 || !answers.every((a) => allowed(a.address))) return null;
  return { address: answers[0]!.address, family: answers[0]!.family === 6 ? 6 : 4 };
}

/** For registration: a literal address (or localhost) the probe would never reach, as a reason; else null. */
export function literalRefused(host: string, networks: ProbeNetworks): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return !probeAllowed('127.0.0.1', networks);
  return isIP(bare) !== 0 && !probeAllowed(bare, networks);
}

/*
 * Webhooks (server/modules/exchange/webhooks.ts) post to addresses a security admin types. Stricter than
 * the camera probe: a department's receiver is a public service, so besides this host, link-local,
 * "this network", multicast and broadcast, private and shared ranges are refused too (10/8, 172.16/12,
 * 192.168/16, 100.64/10 carrier-grade NAT, 198.18/15 benchmarking, fc00::/7 unique-local) — unless
 * listed in WEBHOOK_NETWORKS (comma-separated CIDRs, e.g. the e-government network 政务外网, or
 * 127.0.0.0/8 for tests), which are allowed in addition to the public internet.
 */
const PRIVATE = new BlockList();
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4');
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4');
PRIVATE.addSubnet('100.64.0.0', 10, 'ipv4');
PRIVATE.addSubnet('198.18.0.0', 15, 'ipv4');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');

/** Whether a webhook may be sent to this IP address. */
export function webhookAllowed(ip: string, networks: ProbeNetworks): boolean {
  const a = unmapped(ip);
  if (!isIP(a.ip)) return false;
  if (networks.allow?.check(a.ip, a.family)) return true;
  return !NEVER.check(a.ip, a.family) && !PRIVATE.check(a.ip, a.family);
}

/** The checked address to send a webhook to (every DNS answer allowed), or null. */
export function webhookAddress(host: string, networks: ProbeNetworks) {
  return checkedAddress(host, (ip) => webhookAllowed(ip, networks));
}

/** For setting a webhook: a literal address (or localhost) a webhook may never be sent to. */
export function webhookLiteralRefused(host: string, networks: ProbeNetworks): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return !webhookAllowed('127.0.0.1', networks);
  return isIP(bare) !== 0 && !webhookAllowed(bare, networks);
}
