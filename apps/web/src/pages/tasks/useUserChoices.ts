import type { Field, RefField } from '@hardtech/domain/forms/schema';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { Choice } from '../../components/forms/schemaContext';
import { personText } from '../../components/PersonName';

export interface UserRow {
  username: string;
  displayName: string;
  role: string;
  scope: { districts?: string[] };
}

/**
 * The people offered, those of the enterprise's district first, by name: the name carries the
 * department (企业服务专员 陈静), and the login name only tells two of one name apart (it is English
 * in a zh-CN form otherwise: the walk read 陈静（commissioner）).
 */
export function userChoices(users: readonly UserRow[], district?: string): Choice[] {
  const local = (u: UserRow) => (district && u.scope.districts?.includes(district) ? 0 : 1);
  const named = new Map<string, number>();
  for (const u of users) named.set(u.displayName, (named.get(u.displayName) ?? 0) + 1);
  return [...users]
    .sort((a, b) => local(a) - local(b))
    .map((u) => ({
      value: u.username,
      label: (named.get(u.displayName) ?? 0) > 1 ? personText(u) : u.displayName,
    }));
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
          const choices = userChoices(page.items, district);
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
