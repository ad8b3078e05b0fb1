import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';

/**
 * A page that cannot be shown — its code failed to download on a phone's network, or it threw —
 * says so inside the shell and offers a reload. Without it React unmounts the whole app and the
 * officer is left with a blank screen and no menu. A reload is the remedy: the browser keeps a
 * failed module import until the page is loaded again.
 */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  // Keyed by the path: the next page opened (another route, or another task) starts afresh.
  return <Boundary key={useLocation().pathname}>{children}</Boundary>;
}

class Boundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(error: unknown): void {
    console.error('page failed to render', error);
  }

  render(): ReactNode {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

function PageFailed() {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('pageFailed.title')}
      subTitle={t('pageFailed.text')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()} data-testid="page-failed-reload">
          {t('actions.reload')}
        </Button>
      }
    />
  );
}
