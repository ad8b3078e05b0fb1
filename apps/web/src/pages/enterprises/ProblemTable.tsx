import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  LEDGER_STATUSES,
  ledgerStatusOf,
  PROBLEM_CATEGORIES,
  PROBLEM_MEASURES_LABEL,
  PROBLEM_OWNER_LABEL,
  PROBLEM_TARGET_LABEL,
  SPECIAL_HANDLING,
} from '@hardtech/domain/ledger';
import type { Stage } from '@hardtech/domain/stages';
import type { Option } from '@hardtech/domain/forms/schema';
import { EvidenceFiles } from '../../components/EvidenceFiles';
import { useLocalText, useOptionLabel } from '../../i18n';
import { useResponsibleDepartment } from '../ledger/useResponsibleDepartment';
import { WhistleTag } from '../ledger/WhistleTag';
import type { ProblemView } from './types';
import { ResponsiveTable } from '../../components/ResponsiveTable';

export const STATUS_COLOURS: Record<string, string> = {
  open: 'orange',
  in_progress: 'blue',
  closing: 'gold',
  resolved: 'green',
  escalated: 'red',
  ended: 'default',
};

/**
 * The enterprise's part of the ledger (化解问题台账); a problem's row opens onto its evidence files.
 * `stage`: the enterprise's, whose lifecycle the problems belong to (帮扶已结束 once it ended).
 */
export function ProblemTable({
  creditCode,
  problems,
  stage,
}: {
  creditCode: string;
  problems: ProblemView[];
  stage: Stage;
}) {
  const { t } = useTranslation('enterprise');
  const optionLabel = useOptionLabel();
  const label = (options: Option[], value: string | null) => optionLabel(options, value) || value;
  const owner = useResponsibleDepartment();
  const local = useLocalText();
  return (
    <ResponsiveTable<ProblemView>
      data-testid="ledger"
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={problems}
      scroll={{ x: 900 }}
      expandable={{
        expandedRowRender: (p) => (
          <EvidenceFiles creditCode={creditCode} subject="problem" subjectId={p.id} />
        ),
      }}
      locale={{ emptyText: t('ledger.none') }}
      columns={[
        { title: t('ledger.title'), dataIndex: 'title' },
        { title: t('ledger.category'), dataIndex: 'category', render: (v) => label(PROBLEM_CATEGORIES, v) },
        { title: local(PROBLEM_MEASURES_LABEL), dataIndex: 'measures' },
        { title: local(PROBLEM_TARGET_LABEL), dataIndex: 'target' },
        {
          title: local(PROBLEM_OWNER_LABEL),
          dataIndex: 'ownerDepartment',
          render: (_, p) => owner(p),
        },
        { title: t('ledger.dueAt'), dataIndex: 'dueAt', width: 110 },
        {
          title: t('ledger.status'),
          dataIndex: 'status',
          render: (_, p) => (
            <>
              <LedgerStatusTag status={ledgerStatusOf({ status: p.status, enterpriseStage: stage })} />
              {p.special && <Tag>{label(SPECIAL_HANDLING, p.special)}</Tag>}
              <WhistleTag status={p.whistleStatus} at={p.whistledAt} />
            </>
          ),
        },
      ]}
    />
  );
}

/** A problem's status as the ledger shows it (ledgerStatusOf): its own, or 帮扶已结束. */
export function LedgerStatusTag({ status }: { status: string }) {
  const label = useOptionLabel();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="problem-status">
      {label(LEDGER_STATUSES, status)}
    </Tag>
  );
}
