import { LeftOutlined, RightOutlined } from './icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

export interface PhonePagerProps {
  current?: number;
  pageSize?: number;
  total?: number;
  onChange?: (page: number, pageSize: number) => void;
}

/**
 * A phone list's pager: 第 1/4 页 · 共 73 条 between the two arrows, so the user knows how many
 * items the list holds, as the desktop pager's 共 73 条 says (antd's simple pager said only 1 / 4).
 * A single page shows its count alone.
 */
export function PhonePager({ current = 1, pageSize = 10, total = 0, onChange }: PhonePagerProps) {
  const { t } = useTranslation();
  if (!total) return null;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const go = (page: number) => onChange?.(page, pageSize);
  const summary = (
    <span data-testid="phone-pager-summary" style={{ color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>
      {pages > 1 ? t('pager.summary', { page: current, pages, count: total }) : t('total', { count: total })}
    </span>
  );
  if (pages === 1)
    return (
      <nav aria-label={t('pager.label')} style={{ textAlign: 'center', marginTop: 8 }}>
        {summary}
      </nav>
    );
  return (
    <nav
      aria-label={t('pager.label')}
      data-testid="phone-pager"
      style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', gap: 12, marginTop: 8 }}
    >
      <Button
        size="small"
        icon={<LeftOutlined />}
        aria-label={t('pager.previous')}
        disabled={current <= 1}
        onClick={() => go(current - 1)}
      />
      {summary}
      <Button
        size="small"
        icon={<RightOutlined />}
        aria-label={t('pager.next')}
        disabled={current >= pages}
        onClick={() => go(current + 1)}
      />
    </nav>
  );
}
