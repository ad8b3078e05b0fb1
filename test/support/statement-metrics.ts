/**
 * The statements a unit of work sent, from a process's own /metrics: the histograms
 * `hardtech_db_statements_per_request` (API, by route) and `_per_activity` (worker), docs/design.md 3.3.
 */

/** sum and count of a histogram's series whose labels include `labels`. */
async function histogram(url: string, name: string, labels: Record<string, string>) {
  const text = await (await fetch(url)).text();
  const value = (suffix: string) => {
    const line = text
      .split('\n')
      .find(
        (l) =>
          l.startsWith(`${name}_${suffix}{`) &&
          Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
      );
    return line ? Number(line.split(' ').pop()) : 0;
  };
  return { sum: value('sum'), count: value('count') };
}

/** What `work` added to the histograms of each kind, per unit of work (request, activity). */
export async function perUnit(
  url: string,
  name: string,
  labels: Record<string, string>,
  kinds: string[],
  work: () => Promise<void>,
): Promise<{ count: number; per: Record<string, number> }> {
  const before = await Promise.all(kinds.map((kind) => histogram(url, name, { ...labels, kind })));
  await work();
  const after = await Promise.all(kinds.map((kind) => histogram(url, name, { ...labels, kind })));
  const count = after[0].count - before[0].count;
  const per = Object.fromEntries(kinds.map((k, i) => [k, (after[i].sum - before[i].sum) / count]));
  return { count, per };
}
