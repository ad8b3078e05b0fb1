import { Card, Input, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { nextQuarterlyDispatch } from '@hardtech/domain/quarters';
import { STAGES } from '@hardtech/domain/stages';
import { ENDING_REASONS } from '@hardtech/domain/tasks/forms';
import type { QueryOf } from '../../api/contract';
import type { Stage } from '../../api/types';
import type { EnterpriseItem } from './types';
import { useGet } from '../../api/useApi';
import { useUser } from '../../auth/AuthProvider';
import { SavedViews, useViewsPlace } from '../../components/SavedViews';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocalText } from '../../i18n';
import { useFormat } from '../../format';
import { CLUSTER_POPUP, clusterOptions, districtText, useReferenceNames } from '../../api/referenceNames';
import { betweenQuarters } from './between-quarters';
import { addressOfView, enterpriseViewOf } from './enterpriseView';
import { CurrentStepCell } from './CurrentStepCell';
import { StageTag } from './StageTag';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { ExportButton } from '../../components/ExportButton';
import { FoldedFilters } from '../../components/FoldedFilters';
import { columnsWidth } from '../../components/tableWidth';
import { COPYABLE, useClearable } from '../../components/controlLabels';

/** 2026-12-06 21:04 on one line: broken after the date it read "2026-12-06 2". */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;
/** 111 px of text at 14 px and the cell's 8 px each side. */
const DATE_TIME_WIDTH = 128;

/** Filters a dashboard number opens the list with: shown as tags to remove, not as pickers. */
const MEMBER_FILTERS = [
  'inPoolOn',
  'admittedIn',
  'doubling',
  'stageOn',
  'leftIn',
  'leftAs',
  'leftFor',
] as const;
const FILTERS = ['stage', 'district', 'cluster', 'q', ...MEMBER_FILTERS] as const;

/** 企业库: filters live in the address, so a filtered list can be bookmarked and shared. */
export function EnterpriseListPage() {
  const { t } = useTranslation('enterprise');
  const clear = useClearable();
  const local = useLocalText();
  const names = useReferenceNames();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  // From the address bar: the API refuses a value it does not know (400), the page shows why.
  const query = Object.fromEntries(
    FILTERS.map((f) => [f, params.get(f) ?? undefined]),
  ) as QueryOf<'/enterprises'>;
  const list = useGet('/enterprises', { query: { ...query, page, pageSize } });
  const exportQuery = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
  const narrowing = Object.keys(exportQuery).length;

  const set = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next);
  };
  const filter = (key: (typeof FILTERS)[number]) => (value: string | undefined) =>
    set({ [key]: value, page: undefined });
  // 共享视图: a view replaces the filters; the list shows of them what the reader's scope holds.
  const views = useViewsPlace(
    useUser().role !== 'enterprise_user' && (
      <SavedViews
        list="enterprises"
        filter={enterpriseViewOf(params, FILTERS)}
        onApply={(view) => setParams(addressOfView(view))}
      />
    ),
  );
  /** What a tag says its filter holds: a label for a key, the value itself otherwise. */
  const tagValue = (key: (typeof MEMBER_FILTERS)[number]) => {
    const value = String(query[key]);
    if (key === 'doubling') return t(`list.standing.${value}`);
    if (key === 'leftAs') return local(names.reference?.stages[value as Stage]) || value;
    if (key === 'leftFor')
      return local(ENDING_REASONS.find((r) => r.value === value)?.label) || t('list.noReason');
    return value;
  };

  // Widths that add up to what a 1366 px laptop has (components/tableWidth): 更新时间 was cut at
  // 1440 px, and at 1366 px the list scrolled 38 px sideways. Measured in Chromium: the credit code
  // and its copy icon are 157 px, 区县和企业反馈 is 104 px as a tag.
  const columns: ColumnsType<EnterpriseItem> = [
    {
      title: t('fields.name'),
      dataIndex: 'name',
      width: 120,
      render: (name: string, row) => <Link to={`/enterprises/${row.creditCode}`}>{name}</Link>,
    },
    {
      title: t('fields.creditCode'),
      dataIndex: 'creditCode',
      width: 174,
      render: (code: string) => <Typography.Text copyable={COPYABLE}>{code}</Typography.Text>,
    },
    { title: t('fields.district'), dataIndex: 'district', width: 80, render: names.district },
    {
      title: t('fields.cluster'),
      dataIndex: 'cluster',
      width: 96,
      // Two lines at most: New-Generation Electronic Information Manufacturing took five in English
      // and made every row as tall; the whole name is the tooltip. Chinese names fit in two.
      render: (code: string, row) => {
        const name = names.cluster(row.leadCluster ?? code);
        return (
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: name }} style={{ margin: 0 }}>
            {name}
          </Typography.Paragraph>
        );
      },
    },
    {
      title: t('fields.stage'),
      dataIndex: 'stage',
      width: 120,
      render: (stage: Stage) => <StageTag stage={stage} />,
    },
    {
      title: t('list.currentStep'),
      key: 'currentStep',
      width: 124,
      render: (_: unknown, row) => <CurrentStepCell row={row} />,
    },
    {
      title: t('list.handler'),
      key: 'handler',
      width: 90,
      render: (_: unknown, row) =>
        row.currentStep
          ? local(row.currentStep.handler)
          : betweenQuarters(row)
            ? t('list.waiting.handler')
            : '—',
    },
    {
      title: t('list.dueAt'),
      key: 'dueAt',
      width: DATE_TIME_WIDTH,
      render: (_: unknown, row) =>
        row.currentStep ? (
          <Typography.Text type={row.currentStep.overdue ? 'danger' : undefined} style={NO_WRAP}>
            {format.dateTime(row.currentStep.dueAt)}
          </Typography.Text>
        ) : betweenQuarters(row) ? (
          t('list.waiting.next', { date: nextQuarterlyDispatch(new Date()) })
        ) : (
          '—'
        ),
    },
    {
      title: t('fields.updatedAt'),
      dataIndex: 'updatedAt',
      width: DATE_TIME_WIDTH,
      render: (at: string) => <span style={NO_WRAP}>{format.dateTime(at)}</span>,
    },
  ];

  return (
    <Card
      title={t('list.title')}
      extra={views.head(
        <ExportButton path="/enterprises/export.xlsx" fileName="企业名单.xlsx" query={exportQuery} />,
      )}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <FoldedFilters count={narrowing} testId="enterprise-filters-toggle">
          {views.filters}
          <Space wrap data-testid="enterprise-filters">
            {(
              [
                [
                  'stage',
                  160,
                  STAGES.map((s) => ({ value: s, label: local(names.reference?.stages[s]) || s })),
                ],
                [
                  'district',
                  160,
                  names.reference?.districts.map((d) => ({ value: d.code, label: local(districtText(d)) })),
                ],
                ['cluster', 220, names.reference && clusterOptions(names.reference.clusters, local)],
              ] as const
            ).map(([key, width, options]) => (
              <Select
                key={key}
                {...(key === 'cluster' ? CLUSTER_POPUP : {})}
                aria-label={t(`list.${key}`)}
                placeholder={t(`list.${key}`)}
                allowClear={clear}
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width }}
                value={query[key]}
                onChange={filter(key)}
                options={options as { value: string; label: string }[] | undefined}
              />
            ))}
            <Input.Search
              aria-label={t('list.q')}
              placeholder={t('list.q')}
              allowClear={clear}
              // A view or Back changes q under it: shown anew, not what was typed before.
              key={query.q ?? ''}
              defaultValue={query.q}
              onSearch={(value) => filter('q')(value.trim() || undefined)}
              style={{ width: 260 }}
            />
          </Space>
        </FoldedFilters>
        {MEMBER_FILTERS.filter((key) => query[key] !== undefined).map((key) => (
          <Tag
            key={key}
            color="blue"
            closable
            onClose={() => filter(key)(undefined)}
            data-testid={`filter-${key}`}
          >
            {t(`list.${key}`, { value: tagValue(key) })}
          </Tag>
        ))}
      </Space>
      <ErrorAlert error={list.error} />
      <ResponsiveTable<EnterpriseItem>
        rowKey="creditCode"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items}
        scroll={{ x: columnsWidth(columns) }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common:total', { count: total }),
          onChange: (p, size) => set({ page: p, pageSize: size }),
        }}
        columns={columns}
      />
    </Card>
  );
}
