import { Alert } from 'antd';
import type { CSSProperties } from 'react';

/** The sign-in pages: one card in the middle of a grey page. */
export const CENTERED_PAGE: CSSProperties = {
  minHeight: '100vh',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  background: '#f0f2f5',
  padding: 16,
};

/** Why the server refused a sign-in form, above its fields. */
export function RefusedAlert({ title }: { title: string }) {
  return <Alert type="error" showIcon role="alert" title={title} style={{ marginBottom: 16 }} />;
}
