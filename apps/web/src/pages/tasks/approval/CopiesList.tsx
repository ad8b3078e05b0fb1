import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../taskTypes';

/**
 * 抄送: to whom the task was copied, by name, grouped by who copied it, a proxy as the history names
 * it: 钱七（代 区县 孙八） 抄送给 冯处长、李四 (no brackets inside brackets).
 */
export function CopiesList({ copies }: { copies: TaskDetail['copies'] }) {
  const { t } = useTranslation('task');
  const byCopier = new Map<string, string[]>();
  for (const copy of copies) {
    byCopier.set(copy.copiedByName, [...(byCopier.get(copy.copiedByName) ?? []), copy.displayName]);
  }
  return (
    <span data-testid="copies">
      {[...byCopier].map(([by, names]) => t('fields.copiesBy', { names: names.join('、'), by })).join('；')}
    </span>
  );
}
