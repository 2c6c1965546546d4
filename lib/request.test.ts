import { describe, expect, it } from 'vitest';
import { ipFromHeaders } from './request';

const h = (values: Record<string, string>) => new Headers(values);

describe('ipFromHeaders: the client as the nearest proxy saw it, never what the client typed', () => {
  it.each([
    ['one proxy appended the client after a typed entry', { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }, 1, '203.0.113.7'],
    ['spaces and empty entries', { 'x-forwarded-for': ' 6.6.6.6 ,, 203.0.113.7 ' }, 1, '203.0.113.7'],
    ['two proxies: the client is second from the right', { 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.2' }, 2, '203.0.113.7'],
    ['fewer entries than hops: the leftmost', { 'x-forwarded-for': '203.0.113.7' }, 3, '203.0.113.7'],
    ['IPv6', { 'x-forwarded-for': '2001:db8::1' }, 1, '2001:db8::1'],
    ['no x-forwarded-for: x-real-ip', { 'x-real-ip': ' 198.51.100.4 ' }, 1, '198.51.100.4'],
    ['an empty header: x-real-ip', { 'x-forwarded-for': ' , ', 'x-real-ip': '198.51.100.4' }, 1, '198.51.100.4'],
    ['nothing', {}, 1, 'local'],
  ])('%s', (_, values, hops, ip) => {
    expect(ipFromHeaders(h(values), hops)).toBe(ip);
  });

  it('defaults to one proxy hop (TENURE_PROXY_HOPS unset)', () => {
    expect(ipFromHeaders(h({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }))).toBe('203.0.113.7');
  });
});
