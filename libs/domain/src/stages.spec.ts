import { ENTERPRISE_PATH, nextStage, pathStep, STAGES } from './stages';

describe('the path as the enterprise reads it', () => {
  it('runs from screening to graduation through every stage but the loop and the other endings', () => {
    expect(ENTERPRISE_PATH[0]).toBe('screening');
    expect(ENTERPRISE_PATH.at(-1)).toBe('graduated');
    expect(STAGES.filter((s) => !ENTERPRISE_PATH.includes(s))).toEqual(['supplement', 'exited', 'rejected']);
  });

  it('names what comes next, supplementary information counting as screening', () => {
    expect(nextStage('screening')).toBe('feedback');
    expect(nextStage('supplement')).toBe('feedback');
    expect(pathStep('supplement')).toBe(pathStep('screening'));
    expect(nextStage('supporting')).toBe('graduation_review');
    expect(nextStage('graduation_review')).toBe('graduated');
  });

  it('names nothing after an end', () => {
    expect(nextStage('graduated')).toBeNull();
    expect(nextStage('exited')).toBeNull();
    expect(nextStage('rejected')).toBeNull();
    expect(pathStep('exited')).toBe(-1);
  });
});
