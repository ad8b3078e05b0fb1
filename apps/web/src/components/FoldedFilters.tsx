import { FilterOutlined } from './icons';
import { Button } from 'antd';
import { ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNarrow } from '../layout/useNarrow';

interface FoldedFiltersProps {
  /** How many filters narrow the list now: the button says so while they are folded away. */
  count: number;
  /** The button's words for a count (default 筛选, or 筛选 · 已设 n 项). */
  label?: (count: number) => string;
  /** Given by a page that folds them again itself (after 查询); otherwise the button alone decides. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The button's test id. */
  testId?: string;
  children: ReactNode;
}

/**
 * A list's filters on a phone: a column of pickers filled the first screen before the first row, so
 * there they wait behind one button that says how many are set. On a wider screen they show as they
 * are. Folded they stay mounted, hidden, so a form keeps what was typed into it.
 */
export function FoldedFilters({ count, label, open, onOpenChange, testId, children }: FoldedFiltersProps) {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const [own, setOwn] = useState(false);
  const id = useId();
  if (!narrow) return <>{children}</>;
  const shown = open ?? own;
  const toggle = () => {
    setOwn(!shown);
    onOpenChange?.(!shown);
  };
  return (
    <>
      <Button
        icon={<FilterOutlined />}
        data-testid={testId}
        aria-expanded={shown}
        aria-controls={id}
        onClick={toggle}
        type={count ? 'primary' : 'default'}
        ghost={count > 0}
      >
        {label ? label(count) : count ? t('filters.toggleSet', { count }) : t('filters.toggle')}
      </Button>
      <div id={id} hidden={!shown} style={{ marginTop: 8 }}>
        {children}
      </div>
    </>
  );
}
