import type { TablePaginationConfig } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Query } from './client';
import { Loaded, useApi } from './useApi';
import { useNarrow } from '../layout/useNarrow';

/** A phone's page: 50 cards ran to 14,000 px (the audit log) before the pager. */
export const PHONE_PAGE_SIZE = 20;

export interface PagedAnswer<T> {
  items: T[];
  total: number;
}

/**
 * A list whose filters and page live in the address (the ledger), so it can be bookmarked, shared
 * and returned to with Back: the page gives them each render and writes them back on a change.
 */
export interface AddressedList {
  filters: Query;
  page: number;
  /** undefined: the list's own size, smaller on a phone. */
  pageSize?: number;
  onPage(page: number, pageSize: number): void;
}

/**
 * A filtered list the server pages (`page`, `pageSize`, `total`): new filters go back to page 1, and
 * the antd Table gets its rows and pagination from here so every list pages and counts alike. On a
 * phone a page holds at most PHONE_PAGE_SIZE rows, until the user picks a size.
 * `Extra`: what the answer holds beside the page (e.g. the notifications' unread count).
 */
export function usePagedList<T, Extra = object>(
  path: string,
  pageSize = 50,
  /** The API's largest page for this list (its PageQueryOf). */
  maxPageSize = 200,
  /** Filters the page opens with (e.g. from a link's query string). */
  initialFilters: Query = {},
  /** Given: filters and page are the address's, not this hook's (`search` then does nothing). */
  addressed?: AddressedList,
): Loaded<PagedAnswer<T> & Extra> & {
  search(filters: Query): void;
  /** Spread into the antd Table: rows, loading state and pagination. */
  table: { dataSource: T[] | undefined; loading: boolean; pagination: TablePaginationConfig };
} {
  const { t } = useTranslation();
  const [ownFilters, setFilters] = useState<Query>(initialFilters);
  const narrow = useNarrow();
  // The size the user picked; undefined: the list's own, smaller on a phone.
  const [ownPaging, setPaging] = useState<{ page: number; pageSize?: number }>({ page: 1 });
  const filters = addressed?.filters ?? ownFilters;
  const paging = addressed ?? ownPaging;
  const size = paging.pageSize ?? (narrow ? Math.min(pageSize, PHONE_PAGE_SIZE) : pageSize);
  const loaded = useApi<PagedAnswer<T> & Extra>(path, { ...filters, page: paging.page, pageSize: size });
  const search = useCallback((next: Query) => {
    setFilters(next);
    setPaging((p) => ({ ...p, page: 1 }));
  }, []);
  return {
    ...loaded,
    search,
    table: {
      dataSource: loaded.data?.items,
      loading: loaded.loading,
      pagination: {
        current: paging.page,
        pageSize: size,
        total: loaded.data?.total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200].filter((n) => n <= maxPageSize),
        showTotal: (n) => t('total', { count: n }),
        onChange: (page, picked) =>
          addressed ? addressed.onPage(page, picked) : setPaging({ page, pageSize: picked }),
      },
    },
  };
}
