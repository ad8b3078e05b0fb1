import { Injectable } from '@nestjs/common';
import {
  Actor,
  assertPreferencesOffered,
  assertValid,
  FieldError,
  InvalidInput,
  NotificationPreferences,
  outboundUrlProblem,
  PREFERENCE_FIELDS,
  t,
} from '@hardtech/domain';

import { PreferencesRepository, SecurityPolicyRepository } from '@hardtech/persistence';

/** What GET shows: the DingTalk secret is write-only. */
export type PreferencesView = Omit<NotificationPreferences, 'dingtalkSecret'> & {
  dingtalkSecretSet: boolean;
};

function view(p: NotificationPreferences): PreferencesView {
  const { dingtalkSecret, ...rest } = p;
  return { ...rest, dingtalkSecretSet: !!dingtalkSecret };
}

@Injectable()
export class PreferencesService {
  constructor(
    private readonly preferences: PreferencesRepository,
    private readonly security: SecurityPolicyRepository,
  ) {}

  async get(actor: Actor): Promise<PreferencesView> {
    return view(await this.preferences.get(actor.username));
  }

  /** Fields left out keep their value; null clears one. A field the role is not offered is 403. */
  async update(actor: Actor, body: unknown): Promise<PreferencesView> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InvalidInput([{ field: 'body', text: t('应为对象', 'must be an object') }]);
    }
    assertPreferencesOffered(actor.role, body as Record<string, unknown>);
    const merged = { ...(await this.preferences.get(actor.username)), ...body };
    assertValid(PREFERENCE_FIELDS, merged);
    // Robot URLs are called by the server: only the robot hosts and the listed ones (issue 20.5).
    const errors: FieldError[] = [];
    const outbound = await this.security.outboundPolicy();
    for (const field of ['wecomWebhook', 'dingtalkWebhook'] as const) {
      const url = merged[field];
      const problem = typeof url === 'string' ? outboundUrlProblem(url, outbound) : null;
      if (problem) errors.push({ field, text: problem });
    }
    if (errors.length) throw new InvalidInput(errors);
    return view(await this.preferences.set(actor.username, merged as NotificationPreferences));
  }
}
