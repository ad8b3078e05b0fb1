import type { Field } from '@hardtech/domain/forms/schema';
import { PROBLEM_STATUSES } from '@hardtech/domain/ledger';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Choice } from '../../components/forms/schemaContext';
import { useOptionLabel } from '../../i18n';
import { useResponsibleDepartment } from '../ledger/useResponsibleDepartment';
import { useEnterpriseProblems } from './useEnterpriseProblems';

/** Whether a form names a ledger problem anywhere (a review's updates hold it inside a list). */
export function namesProblem(fields: readonly Field[]): boolean {
  return fields.some((f) =>
    f.kind === 'ref'
      ? f.ref === 'problem'
      : f.kind === 'list'
        ? namesProblem(f.item)
        : f.kind === 'object'
          ? namesProblem(f.fields)
          : f.kind === 'record' && namesProblem(f.value),
  );
}

/**
 * The enterprise's ledger problems to pick for a `ref: problem` field (the quarterly review's
 * 台账问题进展), by title with owner and status, instead of an id to type. One whose close-out
 * awaits the coordinators is shown and not offered: the review may not change it (PROBLEM_CLOSING).
 */
export function useProblemChoices(fields: readonly Field[], creditCode?: string): Choice[] | undefined {
  const { t } = useTranslation('task');
  const label = useOptionLabel();
  const responsible = useResponsibleDepartment();
  const problems = useEnterpriseProblems(creditCode, namesProblem(fields));
  return useMemo(
    () =>
      problems?.map((p) => ({
        value: p.id,
        label: [
          p.title,
          responsible(p),
          label(PROBLEM_STATUSES, p.status),
          ...(p.status === 'closing' ? [t('complete.problemClosing')] : []),
        ].join(' · '),
        disabled: p.status === 'closing',
      })),
    [problems, label, responsible, t],
  );
}
