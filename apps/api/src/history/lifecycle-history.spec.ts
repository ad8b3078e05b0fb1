import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPayloadConverter } from '@temporalio/common';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { readLifecycleHistory } from './lifecycle-history';

// Recorded lifecycles (test/histories/) read back as entries: the reader works on histories made
// before projection receipts existed, from the Updates, signals and search-attribute upserts.
const HISTORIES = join(__dirname, '../../../../test/histories');
const decode = (p: unknown) => defaultPayloadConverter.fromPayload(p as any);
const read = (file: string) => {
  const history = historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')));
  return readLifecycleHistory([{ runId: 'run-1', events: history.events! }], decode);
};

describe('readLifecycleHistory on recorded histories', () => {
  it.each(readdirSync(HISTORIES).filter((f) => f.endsWith('.json')))(
    '%s: every step of a graduation, with its actor, in order',
    (file) => {
      const entries = read(file);
      const steps = entries
        .filter((e) =>
          ['nominated', 'task.completed', 'quarter.ticked', 'lifecycle.ended'].includes(e.action),
        )
        .map((e) => [e.action, e.data.taskType ?? null, e.data.outcome ?? null]);
      expect(steps).toEqual([
        ['nominated', null, null],
        ['task.completed', 'SCREEN', 'pass'],
        ['task.completed', 'DISTRICT_FEEDBACK', 'support'],
        ['task.completed', 'ENTERPRISE_CONFIRM', 'confirm'],
        ['task.completed', 'ADMIT', 'admit'],
        ['task.completed', 'DIAGNOSE', 'submit'],
        ['quarter.ticked', null, null],
        // Opened by the tick: without a projection receipt its type is not in these old histories.
        ['task.completed', null, 'submit'],
        ['task.completed', 'QUARTERLY_REVIEW', 'recommend_graduation'],
        ['task.completed', 'GRADUATION_REVIEW', 'graduate'],
        ['lifecycle.ended', null, null],
      ]);
      const stages = entries.filter((e) => e.action === 'stage.changed').map((e) => e.data.to);
      expect(stages).toEqual([
        'screening',
        'feedback',
        'admission',
        'diagnosis',
        'supporting',
        'graduation_review',
        'graduated',
      ]);
      // Human steps carry the actor the API put into the Update; the tick is the system's.
      for (const e of entries.filter((x) => x.action === 'task.completed')) {
        expect(e.actor).toMatch(
          /^(city-coordinator|district-officer|enterprise-user|commissioner|industry-officer)-/,
        );
      }
      expect(entries.find((e) => e.action === 'quarter.ticked')!.actor).toBe('system');
      const times = entries.map((e) => e.at);
      expect([...times].sort()).toEqual(times);
      expect(entries.every((e) => e.runId === 'run-1' && e.lifecycleNo === 1)).toBe(true);
    },
  );

  it('names the completion and the stage change in both languages', () => {
    const entries = read('graduation-v2-pool-seat.json');
    expect(entries.find((e) => e.data.taskType === 'SCREEN' && e.action === 'task.completed')!.label).toEqual(
      {
        zh: '市级筛选：通过筛选',
        en: 'City screening: Pass',
      },
    );
    expect(entries.find((e) => e.action === 'pool.seat_reserved')).toMatchObject({
      data: { capacity: 300 },
    });
  });
});
