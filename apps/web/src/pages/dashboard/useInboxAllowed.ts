import { useUser } from '../../auth/AuthProvider';
import { allows, NAVIGATION } from '../../layout/navigation';

/** Whether the user has the inbox the overdue-task figures open (auditors only read, and have none). */
export function useInboxAllowed(): boolean {
  const user = useUser();
  const inbox = NAVIGATION.find((item) => item.key === 'inbox');
  return !!inbox && allows(inbox, user.role);
}
