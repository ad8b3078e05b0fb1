import { lifecycleMayStart } from '@hardtech/domain/access';
import { useEffect } from 'react';
import { useGet } from '../../api/useApi';
import { useUser } from '../../auth/AuthProvider';

/** Told when a nomination went through: the enterprise's own lifecycle now runs. */
export const NOMINATED = 'hardtech:nominated';

/**
 * Whether 推荐入库 is open to the user now. The offices may always nominate (the server checks each
 * enterprise's scope); an enterprise only itself, while no lifecycle of it runs — the rule the
 * server applies (409 ACTIVE_LIFECYCLE_EXISTS), read from its own enterprises, and read again
 * when it nominates (NOMINATED), so the shell's menu drops the entry at once. Undefined while
 * that is first being read.
 */
export function useMayNominateSelf(): boolean | undefined {
  const user = useUser();
  const enterprise = user.role === 'enterprise_user';
  const own = useGet(enterprise ? '/enterprises' : null, { query: { pageSize: 100 } });
  const { reload } = own;
  useEffect(() => {
    if (!enterprise) return;
    window.addEventListener(NOMINATED, reload);
    return () => window.removeEventListener(NOMINATED, reload);
  }, [enterprise, reload]);
  if (!enterprise) return true;
  if (!own.data) return own.error ? false : undefined;
  const items = own.data.items;
  return (user.scope.creditCodes ?? []).some((code) =>
    lifecycleMayStart(items.find((item) => item.creditCode === code)),
  );
}
