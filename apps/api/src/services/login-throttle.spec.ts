import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  it('blocks an address after `limit` failures within the window, and only that address', () => {
    const throttle = new LoginThrottle(3, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(throttle.blocked('a', 1000 + i)).toBe(false);
      throttle.fail('a', 1000 + i);
    }
    expect(throttle.blocked('a', 2000)).toBe(true);
    expect(throttle.blocked('b', 2000)).toBe(false);
  });

  it('forgets failures once they leave the window', () => {
    const throttle = new LoginThrottle(2, 60_000);
    throttle.fail('a', 0);
    throttle.fail('a', 30_000);
    expect(throttle.blocked('a', 59_999)).toBe(true);
    expect(throttle.blocked('a', 60_000)).toBe(false);
  });
});
