import { PATCHES_IN_EFFECT_AT_START, patchesOfRun, RUN_START_PATCH } from './patches';

/** Temporal's patched() as a replay or a new run answers it, recording what was asked. */
function temporal(markers: string[]) {
  const asked: string[] = [];
  return { asked, patched: (id: string) => (asked.push(id), markers.includes(id)) };
}

describe('patches decided at the start of a run', () => {
  it('a new run records one marker and has every listed patch without asking it', () => {
    const t = temporal([RUN_START_PATCH]);
    const patched = patchesOfRun(t.patched);
    expect(PATCHES_IN_EFFECT_AT_START.every((id) => patched(id))).toBe(true);
    expect(t.asked).toEqual([RUN_START_PATCH]);
  });

  it('a run recorded before it asks each patch where it asked it, as before', () => {
    const t = temporal(['pool-seat-reservation']);
    const patched = patchesOfRun(t.patched);
    expect(patched('pool-seat-reservation')).toBe(true);
    expect(patched('policy-carried-by-caller')).toBe(false);
    expect(t.asked).toEqual([RUN_START_PATCH, 'pool-seat-reservation', 'policy-carried-by-caller']);
  });

  it('asks a patch newer than the list even in a new run', () => {
    const t = temporal([RUN_START_PATCH, 'a-later-patch']);
    expect(patchesOfRun(t.patched)('a-later-patch')).toBe(true);
    expect(t.asked).toEqual([RUN_START_PATCH, 'a-later-patch']);
  });

  it('keeps the list frozen: runs that recorded the start patch ran with exactly these', () => {
    // Changing this list changes what recorded runs replay: add a new run-start patch instead.
    expect([...PATCHES_IN_EFFECT_AT_START].sort()).toEqual([
      'annual-review',
      'approval-actions',
      'approval-actions-urge-cc',
      'lifecycle-deadline-timer',
      'policy-carried-by-caller',
      'pool-seat-reservation',
      'problem-deadlines',
      'provisional-deadlines',
      'search-attributes-current',
      'task-deadlines',
    ]);
  });
});
