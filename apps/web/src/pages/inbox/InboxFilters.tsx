import { Button, Checkbox, Col, Row, Select } from 'antd';
import { TASK_DEPARTMENT_LABELS } from '@hardtech/domain/departments';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../api/reference';
import { CLUSTER_POPUP, clusterOptions, districtText } from '../../api/referenceNames';
import { useLocalText } from '../../i18n';
import { DEFAULT_FILTER, InboxFilter } from './inboxFilter';
import { useClearable } from '../../components/controlLabels';

const DUE_WITHIN = [3, 7, 30];
const SORTS = ['dueAt', '-dueAt', 'createdAt', '-createdAt'] as const;
const STATUSES = ['open', 'done', 'cancelled'] as const;

type Key = 'type' | 'status' | 'district' | 'cluster' | 'department' | 'dueWithinDays' | 'sort';

/** A filter's share of the line: two or three per line on a tablet, six on a desk. */
const SPAN = { xs: 24, sm: 12, md: 8, xl: 4 } as const;
/**
 * The sort's: its labels are the longest (按办理时限（先到期）, 10 characters) and a sixth of the line
 * cut them at 1366 px (132 of 140 px). It starts the second line on a desk, where a quarter costs nothing.
 */
const SORT_SPAN = { ...SPAN, xl: 6 } as const;

/** Filter controls: a grid that wraps to two or three per line on a tablet. */
export function InboxFilters({ filter, onChange }: { filter: InboxFilter; onChange(f: InboxFilter): void }) {
  const { t } = useTranslation('inbox');
  const clearable = useClearable();
  const text = useLocalText();
  const reference = useReference();

  const select = (
    key: Key,
    label: string,
    options: { value: string | number; label: string }[],
    clear = true,
    span: typeof SPAN | typeof SORT_SPAN = SPAN,
  ) => (
    <Col {...span} data-testid={`filter-${key}`}>
      <Select
        {...(key === 'cluster' ? CLUSTER_POPUP : {})}
        aria-label={label}
        placeholder={label}
        allowClear={clear && clearable}
        showSearch={options.length > 10 ? { optionFilterProp: 'label' } : false}
        style={{ width: '100%' }}
        value={filter[key]}
        onChange={(value) => onChange({ ...filter, [key]: value })}
        options={options}
      />
    </Col>
  );

  return (
    <Row gutter={[8, 8]} align="middle" data-testid="inbox-filters">
      {select(
        'type',
        t('filter.type'),
        Object.entries(reference?.taskTypes ?? {}).map(([value, label]) => ({ value, label: text(label) })),
      )}
      {select(
        'status',
        t('filter.status'),
        STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
        false,
      )}
      {select(
        'district',
        t('filter.district'),
        (reference?.districts ?? []).map((d) => ({ value: d.code, label: text(districtText(d)) })),
      )}
      {select('cluster', t('filter.cluster'), clusterOptions(reference?.clusters, text))}
      {select(
        'department',
        t('filter.department'),
        Object.entries(TASK_DEPARTMENT_LABELS).map(([value, label]) => ({ value, label: text(label) })),
      )}
      {select(
        'dueWithinDays',
        t('filter.dueWithin'),
        DUE_WITHIN.map((n) => ({ value: n, label: t('filter.dueWithinDays', { count: n }) })),
      )}
      {select(
        'sort',
        t('filter.sort'),
        SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) })),
        false,
        SORT_SPAN,
      )}
      <Col>
        <Checkbox
          checked={!!filter.overdue}
          onChange={(e) => onChange({ ...filter, overdue: e.target.checked || undefined })}
        >
          {t('filter.overdue')}
        </Checkbox>
      </Col>
      <Col>
        <Button onClick={() => onChange({ ...DEFAULT_FILTER, view: filter.view })}>
          {t('filter.reset')}
        </Button>
      </Col>
    </Row>
  );
}
