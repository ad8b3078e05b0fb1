import { ENTERPRISE_PATH, pathStep, STAGES } from './stages';

describe('the path as the enterprise reads it', () => {
  it('runs from screening to graduation through every stage but the loop and the other endings', () => {
    expect(ENTERPRISE_PATH[0]).toBe('screening');
    expect(ENTERPRISE_PATH.at(-1)).toBe('graduated');
    expect(STAGES.filter((s) => !ENTERPRISE_PATH.includes(s))).toEqual(['supplement', 'exited', 'rejected']);
  });

  it('places supplementary information at screening, and an ending beside the path nowhere', () => {
    expect(pathStep('supplement')).toBe(pathStep('screening'));
    expect(pathStep('feedback')).toBe(pathStep('screening') + 1);
    expect(pathStep('graduated')).toBe(ENTERPRISE_PATH.length - 1);
    expect(pathStep('exited')).toBe(-1);
    expect(pathStep('rejected')).toBe(-1);
  });
});
