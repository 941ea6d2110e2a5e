/**
 * Which IP addresses a fetch may connect to. Refused unless the caller allows private targets:
 * loopback, private (RFC 1918), carrier-grade NAT, link-local (incl. cloud metadata
 * 169.254.169.254), unique-local, multicast, unspecified, reserved/documentation ranges, and
 * the IPv6 forms that embed an IPv4 address (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96,
 * 6to4 2002::/16), which are judged by the IPv4 address they carry.
 */
import { BlockList, isIP } from 'node:net';

const V4: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified'], ['10.0.0.0', 8, 'private'], ['100.64.0.0', 10, 'shared (CGNAT)'], ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'], ['172.16.0.0', 12, 'private'], ['192.0.0.0', 24, 'reserved'], ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'], ['192.168.0.0', 16, 'private'], ['198.18.0.0', 15, 'benchmarking'], ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'], ['224.0.0.0', 4, 'multicast'], ['240.0.0.0', 4, 'reserved'],
];
const V6: [string, number, string][] = [
  ['::', 128, 'unspecified'], ['::1', 128, 'loopback'], ['fe80::', 10, 'link-local'], ['fec0::', 10, 'site-local'], ['fc00::', 7, 'unique-local'],
  ['ff00::', 8, 'multicast'], ['2001:db8::', 32, 'documentation'], ['100::', 64, 'discard'], ['2001::', 23, 'reserved (IETF)'],
];

const lists = new Map<string, BlockList>();
for (const [net, bits, kind] of V4) { const b = lists.get(kind) ?? new BlockList(); b.addSubnet(net, bits, 'ipv4'); lists.set(kind, b); }
const lists6 = new Map<string, BlockList>();
for (const [net, bits, kind] of V6) { const b = lists6.get(kind) ?? new BlockList(); b.addSubnet(net, bits, 'ipv6'); lists6.set(kind, b); }

/** Expands an IPv6 address into its eight 16-bit groups (handles "::" and a dotted IPv4 tail). */
function groups6(ip: string): number[] | null {
  let s = ip.toLowerCase().split('%')[0];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const p = dotted[1].split('.').map(Number);
    s = s.slice(0, -dotted[1].length) + ((p[0] << 8) | p[1]).toString(16) + ':' + ((p[2] << 8) | p[3]).toString(16);
  }
  const [head, tail] = s.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined ? (tail ? tail.split(':') : []) : [];
  const fill = s.includes('::') ? 8 - h.length - t.length : 0;
  const all = [...h, ...Array(Math.max(0, fill)).fill('0'), ...t];
  if (all.length !== 8) return null;
  return all.map((g) => parseInt(g, 16));
}

const v4of = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/**
 * Why `ip` is not a public address ("loopback", "private", ...), or null when it is public.
 * Example: `addressKind('::ffff:127.0.0.1')` → `'loopback (IPv4-mapped)'`.
 */
export function addressKind(ip: string): string | null {
  const fam = isIP(ip.split('%')[0]);
  if (fam === 4) {
    for (const [kind, b] of lists) if (b.check(ip, 'ipv4')) return kind;
    return ip === '255.255.255.255' ? 'broadcast' : null;
  }
  if (fam !== 6) return 'not an IP address';
  const g = groups6(ip);
  if (!g) return 'not an IP address';
  const zero5 = g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0;
  // Embedded IPv4: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d, deprecated), NAT64, 6to4.
  let embedded: string | null = null, how = '';
  if (zero5 && g[5] === 0xffff) { embedded = v4of(g[6], g[7]); how = 'IPv4-mapped'; }
  else if (zero5 && g[5] === 0 && (g[6] !== 0 || g[7] > 1)) { embedded = v4of(g[6], g[7]); how = 'IPv4-compatible'; }
  else if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0) { embedded = v4of(g[6], g[7]); how = 'NAT64'; }
  else if (g[0] === 0x2002) { embedded = v4of(g[1], g[2]); how = '6to4'; }
  if (embedded) { const k = addressKind(embedded); return k ? `${k} (${how})` : null; }
  const norm = g.map((x) => x.toString(16)).join(':');
  for (const [kind, b] of lists6) if (b.check(norm, 'ipv6')) return kind;
  return null;
}

/** True for an address a fetch may reach without --allow-private. */
export function isPublicAddress(ip: string): boolean {
  return addressKind(ip) === null;
}
