import { compileTrustedProxies } from './trusted-proxies';

const trusts = (entries: string[], address: string) =>
  compileTrustedProxies(entries).check(address, address.includes(':') ? 'ipv6' : 'ipv4');

describe('compileTrustedProxies', () => {
  it('knows Express’s named ranges, IPv4-mapped addresses included', () => {
    expect(trusts(['loopback'], '127.0.0.1')).toBe(true);
    expect(trusts(['loopback'], '::ffff:127.0.0.1')).toBe(true);
    expect(trusts(['loopback'], '::1')).toBe(true);
    expect(trusts(['loopback'], '10.0.0.2')).toBe(false);
    expect(trusts(['uniquelocal'], '172.20.0.5')).toBe(true);
    expect(trusts(['linklocal'], '169.254.1.1')).toBe(true);
  });

  it('takes single addresses and CIDRs; an empty list trusts nobody', () => {
    expect(trusts(['192.0.2.1'], '192.0.2.1')).toBe(true);
    expect(trusts(['192.0.2.1'], '192.0.2.2')).toBe(false);
    expect(trusts(['198.51.100.0/24'], '198.51.100.77')).toBe(true);
    expect(trusts(['2001:db8::/32'], '2001:db8::5')).toBe(true);
    expect(trusts([], '127.0.0.1')).toBe(false);
  });
});
