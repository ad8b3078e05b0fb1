import { isSystemActor, SYSTEM_ACTOR_NAME } from '@hardtech/domain/roles';
import { Typography } from 'antd';
import { useLocalText } from '../i18n';

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
 * 系统 / System for what the system did by itself (`SYSTEM_ACTOR_NAME`, whatever name came with it).
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
  const local = useLocalText();
  return (
    <span title={username} data-testid={testId}>
      {/* Before a name: a display name looked up for it falls back to the account, `system`. */}
      {isSystemActor(username) ? local(SYSTEM_ACTOR_NAME) : (name ?? username)}
    </span>
  );
}
