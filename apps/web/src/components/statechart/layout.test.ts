import { describe, expect, it } from 'vitest';
import { FINAL_STAGES, STAGES } from '@hardtech/domain/stages';
import STATECHART from '../../pages/enterprises/statechart.fixture.json';
import { isActive, StateNodeView } from './definition';
import { layoutStatechart } from './layout';

const root = STATECHART.definition as StateNodeView;

describe('statechart layout', () => {
  const layout = layoutStatechart(root);
  const box = (key: string) => layout.boxes.find((b) => b.node.key === key)!;

  it('puts the stages in one row in order and the final states below, apart', () => {
    const row = STAGES.filter((s) => !FINAL_STAGES.includes(s));
    const xs = row.map((k) => box(k).x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const finals = ['graduated', 'exited', 'rejected'].map(box);
    for (const f of finals) expect(f.y).toBeGreaterThan(box('screening').y + box('screening').h);
    const sorted = [...finals].sort((a, b) => a.x - b.x);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i].x).toBeGreaterThanOrEqual(sorted[i - 1].x + sorted[i - 1].w);
    for (const b of layout.boxes) expect(b.x + b.w).toBeLessThanOrEqual(layout.width);
  });

  it('shows the feedback state as two regions with their own states', () => {
    const feedback = box('feedback');
    expect(feedback.children.map((r) => [r.node.key, r.region])).toEqual([
      ['district', true],
      ['enterprise', true],
    ]);
    expect(feedback.children[0].children.map((s) => [s.node.key, s.final])).toEqual([
      ['pending', false],
      ['agreed', true],
    ]);
  });

  it('draws the transitions between stages: next, skips, loops back, and to the ends', () => {
    expect(layout.edges).toEqual(
      expect.arrayContaining([
        { from: 'screening', to: 'supplement', kind: 'next' },
        { from: 'screening', to: 'feedback', kind: 'forward' },
        { from: 'supplement', to: 'screening', kind: 'back' },
        { from: 'feedback', to: 'rejected', kind: 'end' },
        { from: 'graduation_review', to: 'supporting', kind: 'back' },
        { from: 'graduation_review', to: 'graduated', kind: 'end' },
      ]),
    );
  });

  it('knows which states a state value makes active', () => {
    const value = { feedback: { district: 'agreed', enterprise: 'pending' } };
    expect(isActive(['feedback'], value)).toBe(true);
    expect(isActive(['feedback', 'district', 'agreed'], value)).toBe(true);
    expect(isActive(['feedback', 'district', 'pending'], value)).toBe(false);
    expect(isActive(['screening'], 'screening')).toBe(true);
    expect(isActive(['supporting', 'waiting'], 'supporting')).toBe(false);
  });
});
