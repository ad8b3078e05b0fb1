import { WarningFilled } from '../../components/icons';
import { Button, Card, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  LEDGER_STATUSES,
  ledgerStatusOf,
  OWNER_DEPARTMENTS,
  PROBLEM_CATEGORIES,
  PROBLEM_OWNER_LABEL,
  PROBLEM_TARGET_LABEL,
  problemOverdue,
  SPECIAL_HANDLING,
} from '@hardtech/domain/ledger';
import { problemWorkEnded } from '@hardtech/domain/problem-work';
import { readerOf } from '@hardtech/domain/visibility/readers';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Query } from '../../api/client';
import { useReferenceNames } from '../../api/referenceNames';
import { usePagedList } from '../../api/usePagedList';
import { useUser } from '../../auth/AuthProvider';
import { ChoiceBar } from '../../components/ChoiceBar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { FoldedFilters } from '../../components/FoldedFilters';
import { SavedViews, useViewsPlace } from '../../components/SavedViews';
import { useLocalText, useOptionLabel } from '../../i18n';
import { LedgerFilters } from './LedgerFilters';
import { ledgerFiltersOf, ledgerViewOf } from './ledgerView';
import { ProblemDrawer } from './ProblemDrawer';
import { LedgerProblem } from './problem';
import { useResponsibleDepartment } from './useResponsibleDepartment';
import { WhistleTag } from './WhistleTag';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { columnsWidth } from '../../components/tableWidth';
import { dateText } from '../../format';

const STATUS_COLORS: Record<string, string> = {
  open: 'default',
  in_progress: 'processing',
  closing: 'warning',
  resolved: 'success',
  escalated: 'error',
  ended: 'default',
};

/** The filters the address carries: those the ledger's own filters set, and a view's enterprise. */
const LINKED = ['q', 'status', 'category', 'district', 'cluster', 'overdue', 'owner', 'creditCode'] as const;

/**
 * The filters of the address. 中小企业处 / 产业金融处 read only the problems their department owns
 * (the server's scope), so their board is always their own, whatever department a shared link names.
 */
function linkedFilters(params: URLSearchParams, ownDepartment?: string): Query {
  const query: Query = {};
  for (const key of LINKED) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  if (ownDepartment) query.owner = ownDepartment;
  return query;
}

/**
 * The address of filters and a page, as the inbox and the enterprise list keep theirs: only what is
 * set, the page past the first, the size the user picked. A department officer's own board is
 * not written: it is theirs whatever the address says.
 */
function addressOf(filters: Query, page: number, pageSize?: number, ownDepartment?: string) {
  const params = new URLSearchParams();
  for (const key of LINKED) {
    const value = filters[key];
    if (value !== undefined && value !== '' && !(key === 'owner' && ownDepartment))
      params.set(key, String(value));
  }
  if (page > 1) params.set('page', String(page));
  if (pageSize) params.set('pageSize', String(pageSize));
  return params;
}

/** The filters set, the board's department among them unless it is the reader's own, fixed. */
function narrowing(filters: Query, ownDepartment?: string): number {
  return Object.entries(filters).filter(([key, v]) => v && !(key === 'owner' && ownDepartment)).length;
}

export function LedgerPage() {
  const { t } = useTranslation('ledger');
  const local = useLocalText();
  const { district: districtName } = useReferenceNames();
  // The export takes the filters the table shows, so the file matches the screen.
  // Filters and page live in the address: a filtered ledger can be bookmarked and shared, Back
  // returns to it from an enterprise, and the dashboard's figures link here with theirs (links.ts).
  const [params, setParams] = useSearchParams();
  const user = useUser();
  const ownDepartment = readerOf(user.role) === 'department' ? user.scope.department : undefined;
  // An enterprise reads its own problems: no departments' boards, no enterprise or district to pick.
  const ownEnterprise = readerOf(user.role) === 'enterprise';
  const filters = linkedFilters(params, ownDepartment);
  const page = Number(params.get('page') ?? 1);
  const pageSize = params.get('pageSize') ? Number(params.get('pageSize')) : undefined;
  // The board: one department's problems at a time (科技处统筹、各行业处室牵头…定点联系), or all.
  const owner = String(filters.owner ?? '');
  const [opened, setOpened] = useState<LedgerProblem | null>(null);
  // Each change is a step Back returns to, but a name typed letter by letter is one step: its first
  // letter is a step, the letters after it rewrite that step.
  const write = (next: Query, nextPage: number, size = pageSize) =>
    setParams(addressOf(next, nextPage, size, ownDepartment), {
      replace:
        !!filters.q &&
        !!next.q &&
        nextPage === page &&
        LINKED.every((k) => k === 'q' || (next[k] ?? '') === (filters[k] ?? '')),
    });
  const { error, table, reload } = usePagedList<LedgerProblem>('/problems', 50, 200, filters, {
    filters,
    page,
    pageSize,
    onPage: (p, size) => write(filters, p, size),
  });
  // New filters go back to the first page.
  const apply = (next: Query, department = owner) => write({ ...next, owner: department || undefined }, 1);
  const today = dateText(new Date().toISOString());
  const label = useOptionLabel();
  const responsible = useResponsibleDepartment();
  // 共享视图: a view replaces the filters (and the page size it was saved with); a department
  // officer's board stays their own whatever the view names (linkedFilters), as the server keeps it.
  const views = useViewsPlace(
    !ownEnterprise && (
      <SavedViews
        list="ledger"
        filter={ledgerViewOf(filters, pageSize)}
        onApply={(view) => {
          const applied = ledgerFiltersOf(view);
          write(applied.filters, 1, applied.pageSize);
        }}
      />
    ),
  );

  const columns: ColumnsType<LedgerProblem> = [
    // An enterprise reads its own ledger: its name on every row told it nothing.
    ...(ownEnterprise
      ? []
      : [
          {
            title: t('fields.enterprise'),
            key: 'enterprise',
            width: 170,
            fixed: 'left' as const,
            render: (_: unknown, p: LedgerProblem) => (
              <>
                <Link to={`/enterprises/${p.creditCode}`}>{p.enterpriseName}</Link>
                <div style={{ color: 'rgba(0,0,0,0.45)' }}>{districtName(p.district)}</div>
              </>
            ),
          },
        ]),
    {
      title: t('fields.title'),
      key: 'title',
      width: 180,
      render: (_, p) => (
        <>
          {p.title}
          {p.special && <Tag style={{ marginLeft: 4 }}>{label(SPECIAL_HANDLING, p.special)}</Tag>}
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 2, tooltip: p.measures }}
            style={{ margin: 0 }}
          >
            {p.measures}
          </Typography.Paragraph>
        </>
      ),
    },
    {
      title: t('fields.category'),
      dataIndex: 'category',
      width: 110,
      render: (v) => label(PROBLEM_CATEGORIES, v),
    },
    // 150 px (the room taken from 问题及措施 and 完成时限): at 110 it wrapped a division's name to five
    // lines in English ("Industry division (New-Generation Electronic Information Manufacturing)");
    // two lines at most now, the whole name in the tooltip.
    {
      title: local(PROBLEM_OWNER_LABEL),
      dataIndex: 'ownerDepartment',
      width: 150,
      render: (_, p) => {
        const name = responsible(p);
        return (
          <Typography.Paragraph
            ellipsis={{ rows: 2, tooltip: name }}
            style={{ margin: 0 }}
            data-testid="ledger-owner"
          >
            {name}
          </Typography.Paragraph>
        );
      },
    },
    {
      title: t('fields.status'),
      key: 'status',
      width: 130,
      render: (_, p) => (
        <Space size={4} wrap>
          {/* 帮扶已结束 once the lifecycle ended, as the status filter and the dashboard count it. */}
          <Tag color={STATUS_COLORS[ledgerStatusOf(p)]} data-testid="ledger-status">
            {label(LEDGER_STATUSES, ledgerStatusOf(p))}
          </Tag>
          <WorkEndedTag stage={p.enterpriseStage} />
          {p.status === 'escalated' && (
            <Tag color="red" icon={<WarningFilled />} data-testid="escalated">
              {t('escalated')}
            </Tag>
          )}
          {/* A whistled problem stays one after 部门报到: 企业吹哨·待报到, then 企业吹哨·已报到. */}
          <WhistleTag status={p.whistleStatus} at={p.whistledAt} />
        </Space>
      ),
    },
    {
      title: t('fields.dueAt'),
      dataIndex: 'dueAt',
      width: 100,
      render: (due: string, p) =>
        // Not for a problem whose enterprise's lifecycle ended: read-only, overdue for nobody.
        problemOverdue(p, today) ? (
          <Typography.Text type="danger" data-testid="overdue">
            {due} {t('overdue')}
          </Typography.Text>
        ) : (
          due
        ),
    },
    // Wraps: cut with "…" it hid the target behind 办理 (获得授信3…).
    { title: local(PROBLEM_TARGET_LABEL), dataIndex: 'target', width: 150 },
    {
      title: t('fields.actions'),
      key: 'actions',
      width: 70,
      // 办理 only where the server would take the work (workKinds), else 查看: a district officer is
      // not offered a finance problem to be refused on submitting. Below 1366 px the columns scroll sideways: 办理, the officer's one way in, stays in sight (at
      // 1366 px, 1,130 px of columns hid 46 px of 目标任务 under it).
      fixed: 'right',
      render: (_, p) => (
        <Button size="small" onClick={() => setOpened(p)} data-testid="open-problem">
          {t(p.workKinds.length ? 'details' : 'view')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={t('title')}
      extra={views.head(
        <ExportButton path="/problems/export.xlsx" fileName="problem-ledger.xlsx" query={filters} />,
      )}
      data-testid="ledger"
    >
      {ownDepartment && (
        // The other departments' boards would always be empty for them: no board to choose from.
        <Typography.Paragraph data-testid="ledger-own-department" style={{ marginBottom: 12 }}>
          {t('ownDepartment', { department: label(OWNER_DEPARTMENTS, ownDepartment) })}
        </Typography.Paragraph>
      )}
      <FoldedFilters count={narrowing(filters, ownDepartment)} testId="ledger-filters-toggle">
        {views.filters}
        {!ownEnterprise && !ownDepartment && (
          <ChoiceBar
            data-testid="ledger-board"
            clearable
            style={{ marginBottom: 12 }}
            value={owner}
            onChange={(v) => apply(filters, v)}
            options={[
              { value: '', label: t('allDepartments') },
              ...OWNER_DEPARTMENTS.map((o) => ({ value: o.value, label: local(o.label) })),
            ]}
          />
        )}
        <LedgerFilters value={filters} onChange={(q) => apply(q)} ownEnterprise={ownEnterprise} />
      </FoldedFilters>
      <ErrorAlert error={error} />
      <ResponsiveTable<LedgerProblem>
        style={{ marginTop: 16 }}
        data-testid="ledger-table"
        rowKey="id"
        size="small"
        columns={columns}
        {...table}
        scroll={{ x: columnsWidth(columns) }}
      />
      <ProblemDrawer
        id={opened?.id ?? null}
        enterpriseName={opened?.enterpriseName}
        onClose={() => setOpened(null)}
        onChanged={reload}
      />
    </Card>
  );
}

/** 企业已毕业 / 已移出: nothing more is done on the problem; the tooltip says why. */
function WorkEndedTag({ stage }: { stage: LedgerProblem['enterpriseStage'] }) {
  const local = useLocalText();
  const ended = problemWorkEnded(stage);
  if (!ended) return null;
  return (
    <Tooltip title={local(ended.reason)}>
      <Tag data-testid="work-ended">{local(ended.tag)}</Tag>
    </Tooltip>
  );
}
