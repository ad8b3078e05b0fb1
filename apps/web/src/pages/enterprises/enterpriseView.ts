import type { QueryOf } from '../../api/contract';

/** The enterprise list's filters as a saved view holds them (VIEW_FILTER_FIELDS.enterprises): the page's but the page. */
export type EnterpriseViewFilter = Omit<QueryOf<'/enterprises'>, 'page'>;

/** Years and the page size are numbers in a view, as GET /api/enterprises reads them. */
const NUMBERS = new Set(['admittedIn', 'leftIn', 'pageSize']);

/** What a view saves of the list's address: the filters of `keys` it holds and the page size picked. */
export function enterpriseViewOf(params: URLSearchParams, keys: readonly string[]): EnterpriseViewFilter {
  // Values are not checked here: the list refuses one it does not know (400), as saving does.
  return Object.fromEntries(
    [...keys, 'pageSize'].flatMap((key) => {
      const value = params.get(key);
      return value ? [[key, NUMBERS.has(key) ? Number(value) : value]] : [];
    }),
  ) as EnterpriseViewFilter;
}

/** The address of a view: its filters alone, on the first page. */
export function addressOfView(view: EnterpriseViewFilter): URLSearchParams {
  return new URLSearchParams(Object.entries(view).map(([key, value]) => [key, String(value)]));
}
