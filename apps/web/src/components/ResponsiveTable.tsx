import { Card, Checkbox, Empty, Spin, Table, TableProps } from 'antd';
import { Key, ReactNode } from 'react';
import { useNarrow } from '../layout/useNarrow';
import { usePagerIcons } from './controlLabels';
import { PhonePager } from './PhonePager';

type Row = Record<string, unknown>;

/** What the card list reads of a column (antd's ColumnType, without its generics). */
interface CardColumn {
  key?: Key;
  title?: ReactNode;
  dataIndex?: string | number | readonly (string | number)[];
  render?: (value: unknown, row: Row, index: number) => ReactNode;
}

interface CardListProps {
  testId?: string;
  style?: React.CSSProperties;
  columns: CardColumn[];
  rows: Row[];
  keyOf: (row: Row, index: number) => Key;
  loading: boolean;
  pagination?: {
    current?: number;
    pageSize?: number;
    total?: number;
    onChange?: (p: number, s: number) => void;
  };
  selection?: { selected: Key[]; onChange: (keys: Key[]) => void };
  /** What an empty list says instead of 暂无数据 (the table's `locale.emptyText`). */
  empty?: ReactNode;
}

/**
 * A table on a wide screen and a list of cards on a phone, from the same columns: each card shows a
 * column's title beside its value, so a 390 px screen never scrolls sideways and headers never break
 * per character. Pagination, selection and loading carry over.
 */
export function ResponsiveTable<T extends object>(props: TableProps<T> & { 'data-testid'?: string }) {
  const narrow = useNarrow();
  const pager = usePagerIcons();
  if (!narrow)
    return (
      <Table<T>
        {...props}
        pagination={props.pagination === false ? false : { ...pager, ...props.pagination }}
      />
    );
  const rowKey = props.rowKey as string | ((row: Row, index: number) => Key) | undefined;
  const pagination = props.pagination || undefined;
  const selection = props.rowSelection;
  return (
    <CardList
      testId={props['data-testid']}
      style={props.style}
      columns={(props.columns ?? []) as unknown as CardColumn[]}
      rows={(props.dataSource ?? []) as unknown as Row[]}
      keyOf={(row, index) =>
        typeof rowKey === 'function' ? rowKey(row, index) : (row[rowKey ?? 'key'] as Key)
      }
      loading={Boolean(props.loading)}
      pagination={pagination}
      empty={props.locale?.emptyText as ReactNode}
      selection={
        selection && {
          selected: [...(selection.selectedRowKeys ?? [])],
          onChange: (keys) => (selection.onChange as ((k: Key[]) => void) | undefined)?.(keys),
        }
      }
    />
  );
}

function CardList({
  testId,
  style,
  columns,
  rows,
  keyOf,
  loading,
  pagination,
  selection,
  empty,
}: CardListProps) {
  const selected = new Set(selection?.selected ?? []);
  return (
    <div data-testid={testId} className="responsive-cards" style={style}>
      <Spin spinning={loading}>
        {rows.length === 0 && (empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />)}
        {rows.map((row, index) => {
          const key = keyOf(row, index);
          return (
            <Card key={key} size="small" style={{ marginBottom: 8 }} data-row-key={String(key)}>
              {selection && (
                <Checkbox
                  checked={selected.has(key)}
                  style={{ marginBottom: 6 }}
                  onChange={(e) =>
                    selection.onChange(
                      e.target.checked ? [...selected, key] : [...selected].filter((k) => k !== key),
                    )
                  }
                />
              )}
              {columns.map((column, i) => (
                <CardRow key={String(column.key ?? column.dataIndex ?? i)} title={column.title}>
                  {cell(column, row, index)}
                </CardRow>
              ))}
            </Card>
          );
        })}
      </Spin>
      {pagination && <PhonePager {...pagination} />}
    </div>
  );
}

function cell(column: CardColumn, row: Row, index: number): ReactNode {
  const path = column.dataIndex;
  const value =
    path === undefined
      ? undefined
      : (Array.isArray(path) ? path : [path]).reduce<unknown>(
          (v, k) => (v == null ? v : (v as Row)[String(k)]),
          row,
        );
  return column.render ? column.render(value, row, index) : (value as ReactNode);
}

function CardRow({ title, children }: { title: ReactNode; children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <div style={{ display: 'flex', gap: 8, padding: '3px 0', alignItems: 'baseline' }}>
      <span style={{ flex: '0 0 6em', color: 'rgba(0,0,0,0.45)', fontSize: 13 }}>{title}</span>
      <span style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{children}</span>
    </div>
  );
}
