import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../../i18n';
import { useFormat } from '../../format';
import { NameWithAccountTip } from '../../components/PersonName';
import { bylineOf, keyData } from './historyData';
import type { HistoryEntry } from './types';

/** GET /api/enterprises/:creditCode/history, newest first: who did what when, in the UI's language. */
export function HistoryTimeline({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useTranslation('enterprise');
  const local = useLocalText();
  const format = useFormat();
  const newestFirst = [...entries].reverse();
  return (
    <div data-testid="timeline">
      {newestFirst.length === 0 && <Typography.Text type="secondary">{t('timeline.empty')}</Typography.Text>}
      <Timeline
        items={newestFirst.map((e) => ({
          key: `${e.runId}-${e.eventId}-${e.action}`,
          color: e.action === 'task.completed' ? 'green' : e.action === 'stage.changed' ? 'blue' : 'gray',
          content: (
            <>
              <div>
                <Typography.Text type="secondary">{format.dateTime(e.at)}</Typography.Text>
              </div>
              <Typography.Text strong>{local(e.label) || e.action}</Typography.Text>
              {e.actor !== null && (
                <Typography.Text type="secondary">
                  {' '}
                  · <NameWithAccountTip username={e.actor} name={local(bylineOf(e)) || e.actorName} />
                </Typography.Text>
              )}
              {keyData(e).map(({ key, value, field, person }) => (
                <div key={key}>
                  <Typography.Text type="secondary">
                    {field ? local(field.label) : t(`timeline.fields.${key}`, { defaultValue: key })}
                    {t('timeline.colon')}
                  </Typography.Text>
                  {person ? (
                    <NameWithAccountTip username={String(value)} name={e.names[String(value)]} />
                  ) : field ? (
                    format.field(field, value)
                  ) : key === 'dueAt' ? (
                    format.dateTime(String(value))
                  ) : (
                    String(value)
                  )}
                </div>
              ))}
            </>
          ),
        }))}
      />
    </div>
  );
}
