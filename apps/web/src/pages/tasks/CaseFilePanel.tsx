import type { CaseFile, CaseOpinion } from '@hardtech/domain/case-file/case-file';
import { stepOutcomeLabel } from '@hardtech/domain/visibility/step-outcomes';
import { PURPOSE_LABELS } from '@hardtech/domain/attachments';
import { NOMINATION_FIELDS } from '@hardtech/domain/nomination';
import { TASK_FORMS } from '@hardtech/domain/tasks/forms';
import { Button, Card, Descriptions, Empty, Grid, Space, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EvidenceTarget, EvidenceUpload } from '../../components/EvidenceUpload';
import { useFormat } from '../../format';
import { useLocalText } from '../../i18n';
import { MemberStanding } from './MemberStanding';
import { OpinionLedger, problemUpdatesOf } from './OpinionLedger';
import { ScreeningPanel } from './ScreeningPanel';
import { useEnterpriseProblems } from './useEnterpriseProblems';

/**
 * The case a decision is taken on (审批单): a member's standing (三年倍增, its reports, its ledger),
 * the enterprise's figures as the lifecycle holds them, the screening, every earlier opinion with
 * who gave it and when, and the evidence files.
 */
export function CaseFilePanel({
  caseFile,
  taskType,
  deciding = false,
  quarter,
  uploads,
}: {
  caseFile: CaseFile;
  taskType: string;
  /** The task is open: on the screening, what a pass needs is asked for. */
  deciding?: boolean;
  /** The quarter the task is about (a quarterly report or review), marked among the reports. */
  quarter?: string | null;
  /** Where a file uploaded here goes, when the reader may add one (the task they do), and what then. */
  uploads?: { target: EvidenceTarget; onUploaded(): void };
}) {
  const { t } = useTranslation('task');
  const problems = useEnterpriseProblems(
    caseFile.enterprise.creditCode,
    caseFile.opinions.some((o) => problemUpdatesOf(o).length > 0),
  );
  const titles = useMemo(() => new Map(problems?.map((p) => [p.id, p.title])), [problems]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="case-file">
      {/* A member is decided on how it stands now; what it was nominated with comes after. */}
      {caseFile.standing && <MemberStanding standing={caseFile.standing} quarter={quarter} />}
      <EnterpriseFacts enterprise={caseFile.enterprise} />
      {caseFile.screening && (
        <ScreeningPanel
          criteria={caseFile.screening.criteria.map((c) => ({ ...c }))}
          policyVersion={caseFile.screening.policyVersion}
          // Only while the screening is open: once decided, the criteria say what was decided.
          deciding={taskType === 'SCREEN' && deciding}
          // A member's steps (admitted: a lead cluster) are decided on later material.
          earlier={!!caseFile.enterprise.leadCluster}
        />
      )}
      <Card size="small" title={t('caseFile.opinions')} data-testid="case-opinions">
        {caseFile.opinions.length ? (
          <Timeline
            items={caseFile.opinions.map((o) => ({
              key: o.taskId,
              content: <Opinion opinion={o} titles={titles} />,
            }))}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caseFile.noOpinions')} />
        )}
      </Card>
      <CaseAttachments attachments={caseFile.attachments} uploads={uploads} />
    </Space>
  );
}

function EnterpriseFacts({ enterprise: e }: { enterprise: CaseFile['enterprise'] }) {
  const { t } = useTranslation('task');
  const text = useLocalText();
  const format = useFormat();
  // On a phone the labels are long (企业技术中心 / 技术创新示范企业): each above its value.
  const wide = Grid.useBreakpoint().sm !== false;
  const values = e as unknown as Record<string, unknown>;
  const items = NOMINATION_FIELDS.map((f) => ({
    key: f.name,
    label: text(f.label),
    // The district in the UI's language from the reference; the case file's Chinese name until it loads.
    children:
      f.name === 'district' && format.district(e.district) === e.district
        ? (e.districtName ?? e.district)
        : format.field(f, values[f.name]),
  }));
  const rd = items.findIndex((i) => i.key === 'rdExpensePrevYear');
  items.splice(rd + 1, 0, {
    key: 'rdIntensity',
    label: t('caseFile.rdIntensity'),
    children: format.percent(e.rdIntensity),
  });
  items.push({ key: 'stage', label: t('fields.stage'), children: format.stage(e.stage) });
  if (e.leadCluster) {
    items.push(
      { key: 'leadCluster', label: t('caseFile.leadCluster'), children: format.cluster(e.leadCluster) },
      { key: 'commissioner', label: t('caseFile.commissioner'), children: e.commissionerName ?? '' },
      { key: 'districtLiaison', label: t('caseFile.districtLiaison'), children: e.districtLiaisonName ?? '' },
      {
        key: 'baselineRevenue',
        label: t('caseFile.baselineRevenue'),
        children: format.yuan(e.baselineRevenue),
      },
    );
  }
  return (
    <Card size="small" title={t('caseFile.enterprise')} data-testid="case-enterprise">
      <Descriptions
        size="small"
        column={1}
        layout={wide ? 'horizontal' : 'vertical'}
        items={items.map((i) => ({
          ...i,
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{i.children}</span>,
        }))}
      />
    </Card>
  );
}

function Opinion({ opinion: o, titles }: { opinion: CaseOpinion; titles: Map<string, string> }) {
  const { t } = useTranslation('task');
  const text = useLocalText();
  const format = useFormat();
  // 退回 stands among the steps: the reviewer finds its own earlier return and why (outcome `returned`).
  const outcome = text(stepOutcomeLabel(o.taskType, o.outcome)) || o.outcome;
  return (
    <div data-testid={`opinion-${o.taskType}`}>
      <Typography.Text strong>
        {format.taskType(o.taskType)}：{outcome}
      </Typography.Text>
      {o.opinion && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>
          {o.opinion}
        </Typography.Paragraph>
      )}
      <OpinionFigures opinion={o} />
      <OpinionLedger opinion={o} titles={titles} />
      {/* Who, their department and when, side by side: the department in brackets after the name
          nested the brackets of 科技处（统筹） or 王五（代 李四） in a second pair. */}
      <Typography.Text type="secondary" data-testid="opinion-by" style={{ display: 'block' }}>
        {(o.actorName ? [o.actorName, text(o.actorDepartment)] : [t('caseFile.byOfficer')])
          .filter(Boolean)
          .join(' · ')}
        {' · '}
        {/* On a phone the date and the time stay on one line. */}
        <span style={{ whiteSpace: 'nowrap' }}>{format.dateTime(o.at)}</span>
      </Typography.Text>
    </div>
  );
}

/** Kinds of a step's fields shown as figures under its opinion; texts are the opinion, refs name people. */
const FIGURE_KINDS = new Set(['integer', 'number', 'enum', 'boolean', 'date', 'quarter']);

/**
 * The figures a step sent (a quarterly report's 营收, 研发, 人数…), as far as the caller may read
 * them: the reviewer decides on them, so they stand with the step, not only its note.
 */
export function OpinionFigures({ opinion: o, testId }: { opinion: CaseOpinion; testId?: string }) {
  const text = useLocalText();
  const format = useFormat();
  const data = (o.data ?? {}) as Record<string, unknown>;
  const fields = (TASK_FORMS[o.taskType]?.outcomes[o.outcome]?.fields ?? []).filter(
    (f) => FIGURE_KINDS.has(f.kind) && data[f.name] !== undefined && data[f.name] !== null,
  );
  if (!fields.length) return null;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2 }}
      style={{ margin: '4px 0' }}
      data-testid={testId ?? `figures-${o.taskId}`}
      items={fields.map((f) => ({
        key: f.name,
        label: text(f.label),
        children: format.field(f, data[f.name]),
      }))}
    />
  );
}

/** The one card of files on a task: the lifecycle's evidence the reader may see, and 上传文件 where they may add. */
function CaseAttachments({
  attachments,
  uploads,
}: {
  attachments: CaseFile['attachments'];
  uploads?: { target: EvidenceTarget; onUploaded(): void };
}) {
  const { t } = useTranslation('task');
  const text = useLocalText();
  const format = useFormat();
  const [error, setError] = useState<Error | null>(null);
  return (
    <Card
      size="small"
      title={t('caseFile.attachments')}
      data-testid="case-attachments"
      extra={
        uploads && (
          <EvidenceUpload target={uploads.target} onUploaded={uploads.onUploaded} onError={setError} />
        )
      }
    >
      <ErrorAlert error={error} />
      {attachments.length ? (
        attachments.map((a) => (
          <div key={a.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
            {/* The purpose, then the file on a line of its own, whatever the purpose's length: a long
                one pushed the link below it while a short one kept it beside (ui-walk-7). */}
            <Typography.Text strong style={{ display: 'block' }}>
              {text(PURPOSE_LABELS[a.purpose])}
            </Typography.Text>
            <Button
              type="link"
              size="small"
              data-testid={`attachment-file-${a.id}`}
              style={{
                padding: 0,
                height: 'auto',
                maxWidth: '100%',
                whiteSpace: 'normal',
                textAlign: 'start',
              }}
              onClick={() => download(`/attachments/${a.id}/download`, a.fileName).catch(setError)}
            >
              {a.fileName}
            </Button>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {[
                a.uploadedByName,
                format.dateTime(a.uploadedAt),
                t('caseFile.size', { kb: Math.max(1, Math.round(a.size / 1024)) }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Paragraph>
          </div>
        ))
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caseFile.noAttachments')} />
      )}
    </Card>
  );
}
