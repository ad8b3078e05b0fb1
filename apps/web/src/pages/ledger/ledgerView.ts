import type { Query } from '../../api/client';
import { compactFilter } from '../../api/compactFilter';
import type { QueryOf } from '../../api/contract';

/**
 * The ledger's filters as a saved view holds them (VIEW_FILTER_FIELDS.ledger): those of GET
 * /api/problems but the page, `overdue` a boolean.
 */
export type LedgerViewFilter = Omit<QueryOf<'/problems'>, 'page' | 'overdue'> & { overdue?: boolean };

/** What a view saves of the ledger's address: its filters, and the page size the user picked. */
export function ledgerViewOf(filters: Query, pageSize?: number): LedgerViewFilter {
  const { overdue, ...rest } = filters;
  return compactFilter({ ...(rest as LedgerViewFilter), overdue: overdue === 'true', pageSize });
}

/** A view's filters as the ledger's address carries them (overdue=true). */
export function ledgerFiltersOf(view: LedgerViewFilter): { filters: Query; pageSize?: number } {
  const { overdue, pageSize, ...rest } = view;
  return { filters: { ...rest, overdue: overdue ? 'true' : undefined }, pageSize };
}
