import { SYSTEM_ACTOR } from '@hardtech/domain/roles';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Person {
  displayName: string;
  username: string;
}

/**
 * A person as officers know them, as text (a picker's option, 科技处 李明（coordinator）): the name,
 * and the account beside it when it differs. Every picker of people names them so.
 */
export function personText({ displayName, username }: Person): string {
  return displayName === username ? displayName : `${displayName}（${username}）`;
}

/** `personText` with the account in grey, where markup may be shown. */
export function PersonName({ displayName, username }: Person) {
  return (
    <>
      {displayName}
      {displayName !== username && <Typography.Text type="secondary">（{username}）</Typography.Text>}
    </>
  );
}

/**
 * A person by name with the account only as the tooltip, where a login name means nothing to the
 * reader (who holds a task, who serves an enterprise); the account when the name is unknown, and
 * 系统 for what the system did by itself (the account `system`, which no user holds).
 */
export function NameWithAccountTip({
  username,
  name,
  testId,
}: {
  username: string;
  name: string | null | undefined;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <span title={username} data-testid={testId}>
      {name ?? (username === SYSTEM_ACTOR.username ? t('system') : username)}
    </span>
  );
}
