import type { EnterpriseDetail } from './types';

export function WhistleButton(_: { enterprise: EnterpriseDetail; onBlown(): void }) {
  return null;
}
