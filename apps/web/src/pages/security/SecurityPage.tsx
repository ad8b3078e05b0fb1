import { SecurityPolicyCard } from './SecurityPolicyCard';
import { SessionsCard } from './SessionsCard';

/** 安全管理员的工作台 (三员, issue 20.3): the security policy, live sessions, locked accounts. */
export function SecurityPage() {
  return (
    <>
      <SecurityPolicyCard />
      <SessionsCard />
    </>
  );
}
