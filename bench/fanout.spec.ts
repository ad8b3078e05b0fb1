import { pollPauseMs } from './fanout';

describe("the fan-out's poll", () => {
  it('waits 4 × the last count, at least 100 ms: at most a fifth of one backend', () => {
    expect(pollPauseMs(5)).toBe(100);
    expect(pollPauseMs(40)).toBe(160);
    const count = 250;
    expect(count / (count + pollPauseMs(count))).toBeLessThanOrEqual(0.2);
  });
});
