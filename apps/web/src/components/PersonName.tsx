import { Typography } from 'antd';

/** A person as officers know them: the name, and the account beside it when it differs. */
export function PersonName({ displayName, username }: { displayName: string; username: string }) {
  return (
    <>
      {displayName}
      {displayName !== username && <Typography.Text type="secondary">（{username}）</Typography.Text>}
    </>
  );
}
