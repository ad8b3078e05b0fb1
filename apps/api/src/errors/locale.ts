import type { Request } from 'express';
import type { Locale } from '@hardtech/domain';

/** Chinese unless the caller prefers English (Accept-Language: en...). */
export function localeOf(req: Pick<Request, 'headers'>): Locale {
  const header = String(req.headers['accept-language'] ?? '');
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
