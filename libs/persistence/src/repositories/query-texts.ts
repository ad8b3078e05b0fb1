import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * The SQL of query builders whose text is a function of a few facts (the caller's role, which
 * filters are set, the page), built once per such key. TypeORM's `getQuery()` renders the text
 * anew on every execution — select expressions, aliases and a regular-expression pass over the
 * whole statement per alias — which cost the API more CPU than hydrating the rows: about 0.2 ms
 * for a task by id and 0.5 ms for a page of the inbox (issue 21, the API's CPU per completion).
 * The values still go in as named parameters each time; only the text is reused. The builder is
 * otherwise TypeORM's own (its rows are hydrated as before), and a builder cloned from it (a
 * count) renders its own text.
 *
 * The key must name everything the text depends on other than the parameters' values; every
 * predicate here takes its values as parameters (AccessService), so the role names the scope's.
 */
export class QueryTexts {
  private readonly texts = new Map<string, string>();

  /** `max`: the keys kept; past it the texts are built afresh (a bound, not an expected size). */
  constructor(private readonly max = 2000) {}

  /** `qb`, rendering the text it rendered for `key` the first time. */
  reuse<T extends ObjectLiteral>(key: string, qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    let text = this.texts.get(key);
    if (text === undefined) {
      text = qb.getQuery();
      if (this.texts.size >= this.max) this.texts.clear();
      this.texts.set(key, text);
    }
    const rendered = text;
    qb.getQuery = () => rendered;
    return qb;
  }
}
