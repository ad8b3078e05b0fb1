import { addressProblem, isInternalAddress, OutboundPolicy, outboundUrlProblem } from './outbound';

const production: OutboundPolicy = { allowedHosts: ['hooks.example.gov.cn'], allowListedLoopback: false };
const testStack: OutboundPolicy = { allowedHosts: ['127.0.0.1'], allowListedLoopback: true };

describe('outboundUrlProblem', () => {
  it('allows the robot hosts and the listed hosts over https', () => {
    expect(
      outboundUrlProblem('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', production),
    ).toBeNull();
    expect(outboundUrlProblem('https://oapi.dingtalk.com/robot/send?access_token=a', production)).toBeNull();
    expect(outboundUrlProblem('https://hooks.example.gov.cn/x', production)).toBeNull();
  });

  it('refuses other hosts, plain http, credentials and addresses of the intranet', () => {
    for (const url of [
      'https://evil.example.com/hook',
      'http://qyapi.weixin.qq.com/cgi-bin/webhook/send',
      'https://user:pw@oapi.dingtalk.com/robot/send',
      'https://127.0.0.1/hook',
      'https://10.0.0.5/hook',
      'https://192.168.1.1/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'not a url',
    ]) {
      expect([url, outboundUrlProblem(url, production)]).toEqual([url, expect.anything()]);
    }
  });

  it('refuses a listed private address, and loopback unless the test stack lists it', () => {
    expect(
      outboundUrlProblem('https://10.1.2.3/h', { ...production, allowedHosts: ['10.1.2.3'] }),
    ).not.toBeNull();
    expect(outboundUrlProblem('http://127.0.0.1:9000/hook', testStack)).toBeNull();
    expect(
      outboundUrlProblem('http://127.0.0.1:9000/hook', { ...testStack, allowListedLoopback: false }),
    ).not.toBeNull();
    expect(outboundUrlProblem('http://127.0.0.2:9000/hook', testStack)).not.toBeNull();
    expect(
      outboundUrlProblem('http://10.0.0.1/hook', { allowedHosts: ['10.0.0.1'], allowListedLoopback: true }),
    ).not.toBeNull();
  });
});

describe('addresses', () => {
  it('knows the internal ranges, v4 and v6', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.1.1',
      '172.16.0.1',
      '172.31.255.1',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '::',
    ]) {
      expect([a, isInternalAddress(a)]).toEqual([a, true]);
    }
    for (const a of ['8.8.8.8', '172.32.0.1', '101.226.4.6', '2408:8000::1']) {
      expect([a, isInternalAddress(a)]).toEqual([a, false]);
    }
  });

  it('lets the test stack connect to a listed loopback host only', () => {
    expect(addressProblem('127.0.0.1', testStack, true)).toBeNull();
    expect(addressProblem('127.0.0.1', testStack, false)).not.toBeNull();
    expect(addressProblem('127.0.0.1', production, true)).not.toBeNull();
  });
});
