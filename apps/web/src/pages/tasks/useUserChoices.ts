import type { Field, RefField } from '@hardtech/domain/forms/schema';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { Choice } from '../../components/forms/schemaContext';
import { personText } from '../../components/PersonName';

interface UserRow {
  username: string;
  displayName: string;
  role: string;
  scope: { districts?: string[] };
}

/**
 * Users to pick for the `ref: user` fields of a form (the commissioner and district liaison of an
 * admission), by role; those of the enterprise's district first. Only coordinators may list
 * users: for anyone else the lists stay empty and the form asks for a username.
 */
export function useUserChoices(fields: Field[], district?: string) {
  const roles = [
    ...new Set(fields.flatMap((f) => (f.kind === 'ref' && f.ref === 'user' && f.role ? [f.role] : []))),
  ];
  const key = roles.join(',');
  const [byRole, setByRole] = useState<Record<string, Choice[]>>({});

  useEffect(() => {
    let live = true;
    for (const role of key ? key.split(',') : []) {
      api<Page<UserRow>>('/users', { query: { role, active: true, pageSize: 100 } }).then(
        (page) => {
          const local = (u: UserRow) => (district && u.scope.districts?.includes(district) ? 0 : 1);
          const choices = [...page.items]
            .sort((a, b) => local(a) - local(b))
            .map((u) => ({ value: u.username, label: personText(u) }));
          if (live) setByRole((current) => ({ ...current, [role]: choices }));
        },
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [key, district]);

  return useCallback((field: RefField) => (field.role ? byRole[field.role] : undefined), [byRole]);
}
