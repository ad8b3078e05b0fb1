import { pollPauseMs } from './fanout';

describe("the fan-out's poll", () => {
  it('waits 19 × the last count, at least 250 ms: at most a twentieth of one backend', () => {
    expect(pollPauseMs(5)).toBe(250);
    expect(pollPauseMs(50)).toBe(950);
    const count = 250;
    expect(count / (count + pollPauseMs(count))).toBeLessThanOrEqual(0.05);
  });
});
