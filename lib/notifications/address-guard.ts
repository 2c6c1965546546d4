import dns from 'node:dns';
import net from 'node:net';

// A webhook URL is typed by an org admin, and the server then POSTs to it: without a check it could reach the
// server's own loopback, the cloud metadata address (169.254.169.254) or hosts on the private network (SSRF).
// Every address the name resolves to is checked, not the hostname string, and the connection itself uses the
// checked addresses (guardedLookup), so a DNS answer that changes between check and connect cannot slip through.

const blocked = new net.BlockList();
for (const [net4, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net4, bits, 'ipv4');
for (const [net6, bits] of [
  ['::', 96], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96], ['100::', 64],
] as const) blocked.addSubnet(net6, bits, 'ipv6');

/** The IPv4 address inside an IPv4-mapped or -compatible IPv6 address (::ffff:127.0.0.1, ::ffff:7f00:1), else null. */
function embeddedIpv4(address: string): string | null {
  const m = /^(?:0{0,4}:){0,5}(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address) ?? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (m) return m[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** True for loopback, private, link-local, shared, documentation, multicast and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  const v4 = embeddedIpv4(address);
  return v4 ? blocked.check(v4, 'ipv4') : blocked.check(address, 'ipv6');
}

const LOCAL_NAMES = /(^|\.)(localhost|localdomain|local|internal)$/i;

export class WebhookAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookAddressError';
  }
}

const refuse = (host: string) =>
  new WebhookAddressError(`${host} is a loopback or private address; webhooks must go to a public address.`);

type LookupResult = { address: string; family: number }[];

/** Resolves `host` (every A and AAAA answer) and refuses it if any answer is private, unless allowed. */
export async function resolvePublic(host: string, allowPrivate: boolean): Promise<LookupResult> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (net.isIP(bare)) {
    if (!allowPrivate && isPrivateAddress(bare)) throw refuse(bare);
    return [{ address: bare, family: net.isIP(bare) }];
  }
  if (!allowPrivate && LOCAL_NAMES.test(bare.replace(/\.$/, ''))) throw refuse(bare);
  let answers: LookupResult;
  try {
    answers = await dns.promises.lookup(bare, { all: true, verbatim: true });
  } catch {
    throw new WebhookAddressError(`The host ${bare} could not be found.`);
  }
  if (answers.length === 0) throw new WebhookAddressError(`The host ${bare} could not be found.`);
  if (!allowPrivate && answers.some((a) => isPrivateAddress(a.address))) throw refuse(bare);
  return answers;
}

/**
 * Checks a webhook URL before it is saved or called: http(s) only, no credentials in it, and every address its host
 * resolves to public unless the server allows private ones (TENURE_ALLOW_PRIVATE_WEBHOOKS). Throws WebhookAddressError.
 */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookAddressError('Enter a full URL starting with https://');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookAddressError('Use an http:// or https:// URL.');
  if (url.username || url.password) throw new WebhookAddressError('Put no user name or password in the URL.');
  await resolvePublic(url.hostname, allowPrivate);
  return url;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A `lookup` for http.request that only ever connects to addresses resolvePublic accepted. */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    resolvePublic(hostname, allowPrivate).then(
      (answers) => {
        const fitting = options.family ? answers.filter((a) => a.family === options.family) : answers;
        const list = fitting.length ? fitting : answers;
        if (options.all) callback(null, list);
        else callback(null, list[0].address, list[0].family);
      },
      (err: Error) => callback(Object.assign(err, { code: 'EBLOCKED' }), ''),
    );
  };
}
