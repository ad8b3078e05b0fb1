import { Button, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Room kept at the page's foot while the bar shows, so it covers none of the page's last lines. */
export const JUMP_BAR_HEIGHT = 64;

/**
 * Whether the element is still below the screen: the officer has not scrolled down to it yet.
 * Without IntersectionObserver (old browsers, jsdom) it counts as below, and the bar stays.
 */
function useBelowView(id: string): boolean {
  const [below, setBelow] = useState(true);
  useEffect(() => {
    const target = document.getElementById(id);
    if (!target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) =>
      setBelow(!entry.isIntersecting && entry.boundingClientRect.top > 0),
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [id]);
  return below;
}

/**
 * On a phone the form comes after the case file, which for a 成长诊断 (a member's standing, its
 * figures, every opinion, the files) is many screens long: a jump in the page's head was gone once
 * the officer scrolled into the file to read it. This bar stays at the foot of the screen until the
 * form (`targetId`, or `firstId` above it when there is one: the report a review decides on) is in
 * view, for every task type alike.
 */
export function JumpToFormBar({ targetId, firstId }: { targetId: string; firstId?: string }) {
  const { t } = useTranslation('task');
  const { token } = theme.useToken();
  const below = useBelowView(targetId);
  if (!below) return null;
  return (
    <div
      data-testid="jump-to-form-bar"
      style={{
        position: 'fixed',
        left: 0,
        right: 0,
        bottom: 0,
        zIndex: 10,
        height: JUMP_BAR_HEIGHT,
        padding: '12px 16px',
        boxSizing: 'border-box',
        background: token.colorBgContainer,
        boxShadow: token.boxShadowSecondary,
      }}
    >
      <Button
        type="primary"
        block
        data-testid="jump-to-form"
        onClick={() =>
          (document.getElementById(firstId ?? '') ?? document.getElementById(targetId))?.scrollIntoView({
            behavior: 'smooth',
          })
        }
      >
        {t('complete.jump')}
      </Button>
    </div>
  );
}
