/**
 * 撤回 after other transitions: a completion is taken back by undoing what it changed and keeping
 * what happened since, as a three-way merge of plain data (the statechart's value, its context).
 * `before` and `after` are the state around the completion, `current` the state now. Wherever the
 * completion changed something that a later transition changed again (the parallel branch ended
 * the stage, the next quarter began on a finished review, a report in the same list was revised),
 * the completion is overtaken and nothing is reverted.
 */
export const OVERTAKEN = Symbol('overtaken');

export function revertChange(before: unknown, after: unknown, current: unknown): unknown | typeof OVERTAKEN {
  if (sameData(after, before)) return current; // the completion changed nothing here
  if (sameData(current, after)) return before; // nothing changed here since: take it back
  if (isRecord(before) && isRecord(after) && isRecord(current)) return revertRecord(before, after, current);
  const key = arrayKeyOf(before, after, current);
  if (key) return revertList(key, before as Keyed[], after as Keyed[], current as Keyed[]);
  return OVERTAKEN;
}

type Keyed = Record<string, unknown>;

function revertRecord(before: Keyed, after: Keyed, current: Keyed): Keyed | typeof OVERTAKEN {
  const out: Keyed = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(current)])) {
    const v = revertChange(before[k], after[k], current[k]);
    if (v === OVERTAKEN) return OVERTAKEN;
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * Lists of records with an identity (problems and whistles by `id`, quarterly reports by
 * `quarter`, annual reviews by `year`) merge item by item: a report the completion added goes,
 * a whistle blown since stays. Other lists are one value.
 */
const ITEM_KEYS = ['id', 'quarter', 'year'] as const;

function arrayKeyOf(...lists: unknown[]): string | null {
  if (!lists.every((l) => l === undefined || Array.isArray(l))) return null;
  const identified = (key: string) =>
    lists.every((l) => {
      const ids = ((l as unknown[] | undefined) ?? []).map((i) => (isRecord(i) ? i[key] : undefined));
      const scalar = ids.every((id) => typeof id === 'string' || typeof id === 'number');
      return scalar && new Set(ids).size === ids.length;
    });
  return ITEM_KEYS.find(identified) ?? null;
}

function revertList(key: string, before: Keyed[] = [], after: Keyed[] = [], current: Keyed[] = []) {
  const byKey = (list: Keyed[]) => new Map(list.map((item) => [item[key], item]));
  const [b, a, c] = [byKey(before), byKey(after), byKey(current)];
  const out: Keyed[] = [];
  for (const item of current) {
    const v = revertChange(b.get(item[key]), a.get(item[key]), item);
    if (v === OVERTAKEN) return OVERTAKEN;
    if (v !== undefined) out.push(v as Keyed);
  }
  // What the completion removed comes back where it was.
  for (const [i, item] of before.entries()) {
    if (c.has(item[key])) continue;
    const v = revertChange(item, a.get(item[key]), undefined);
    if (v === OVERTAKEN) return OVERTAKEN;
    if (v !== undefined) out.splice(Math.min(i, out.length), 0, v as Keyed);
  }
  return out;
}

function isRecord(v: unknown): v is Keyed {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Equal as data (JSON): the statechart's value and context hold nothing else. */
export function sameData(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (Array.isArray(x) && Array.isArray(y))
    return x.length === y.length && x.every((v, i) => sameData(v, y[i]));
  if (isRecord(x) && isRecord(y)) {
    const kx = Object.keys(x).filter((k) => x[k] !== undefined);
    const ky = Object.keys(y).filter((k) => y[k] !== undefined);
    return kx.length === ky.length && kx.every((k) => sameData(x[k], y[k]));
  }
  return false;
}
