import { Alert, Button, Drawer, Space, Typography } from 'antd';
import { Popconfirm } from '../../components/controlLabels';
import { problemWorkEnded } from '@hardtech/domain/problem-work';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useGet } from '../../api/useApi';
import { useUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocalText } from '../../i18n';
import { useNarrow } from '../../layout/useNarrow';
import { ProblemFacts, ProblemProgress } from './ProblemFacts';
import { ProblemWorkButton } from './ProblemWorkButton';
import { workedByOthers } from './problem';
import { useResponsibleDepartment } from './useResponsibleDepartment';

/** One problem: its facts, its progress as a timeline, and the ledger work as buttons. */
export function ProblemDrawer({
  id,
  enterpriseName,
  onClose,
  onChanged,
}: {
  id: string | null;
  /** Whose problem it is, from the ledger's row (the problem's own read does not carry it). */
  enterpriseName?: string;
  onClose(): void;
  onChanged(): void;
}) {
  const { t } = useTranslation('ledger');
  const user = useUser();
  const narrow = useNarrow();
  // null waits: the drawer loads a problem only once one is opened.
  const { data: p, error, reload } = useGet(id ? '/problems/{id}' : null, { params: { id: id ?? '' } });
  const done = () => {
    reload();
    onChanged();
  };
  const shown = p && p.id === id ? p : undefined;
  const local = useLocalText();
  const open = shown && shown.status !== 'resolved';
  // Its enterprise graduated or left the pool: read-only, saying why, instead of buttons that fail (409).
  const ended = open ? problemWorkEnded(shown.enterpriseStage) : null;
  // The work the server lets the reader do now: a button each; none, and the drawer says whose it is.
  const kinds = shown?.workKinds ?? [];
  const others = !!shown && workedByOthers(user.role, shown);
  const responsible = useResponsibleDepartment();

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      // On a phone it rises from the bottom, the screen's full width (a side drawer of 100% is
      // offset by its shadow and widens the page).
      placement={narrow ? 'bottom' : 'right'}
      width={560}
      height="90%"
      // Problems repeat across enterprises (流动资金紧张): the title says whose this one is.
      title={
        shown && (
          <>
            {shown.title}
            <Typography.Text
              type="secondary"
              style={{ display: 'block', fontWeight: 'normal', fontSize: 13 }}
            >
              {enterpriseName}
            </Typography.Text>
          </>
        )
      }
      data-testid="problem-drawer"
    >
      <ErrorAlert error={error} />
      {shown && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <ProblemFacts problem={shown} />
          {ended && (
            <Alert
              type="info"
              showIcon
              title={local(ended.tag)}
              description={local(ended.reason)}
              data-testid="work-ended"
            />
          )}
          {shown.status === 'resolved' && (
            // Closed out (销号): its entry takes no more work, the coordinators' 一企一策 neither.
            <Alert type="success" showIcon title={t('resolvedNoWork')} data-testid="work-resolved" />
          )}
          {others && (
            <Alert
              type="info"
              showIcon
              title={t('workedBy', { department: responsible(shown) })}
              data-testid="worked-by"
            />
          )}
          {kinds.length > 0 && (
            <Space wrap data-testid="problem-actions">
              {kinds.map((kind) => (
                <ProblemWorkButton
                  key={kind}
                  problemId={shown.id}
                  kind={kind}
                  primary={kind === 'progress'}
                  initial={kind === 'handling' ? { handling: shown.handling ?? undefined } : undefined}
                  onDone={done}
                />
              ))}
              {kinds.includes('handling') && shown.handling && (
                <Popconfirm
                  title={t('work.handling.clearConfirm')}
                  onConfirm={() =>
                    api(`/problems/${shown.id}`, { method: 'PATCH', body: { handling: null } }).then(done)
                  }
                >
                  <Button data-testid="clear-handling">{t('work.handling.clear')}</Button>
                </Popconfirm>
              )}
            </Space>
          )}
          <Typography.Title level={5}>{t('timeline')}</Typography.Title>
          <ProblemProgress problem={shown} />
        </Space>
      )}
    </Drawer>
  );
}
