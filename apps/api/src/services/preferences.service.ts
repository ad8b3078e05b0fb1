import { Injectable } from '@nestjs/common';
import {
  Actor,
  assertValid,
  InvalidInput,
  NotificationPreferences,
  PREFERENCE_FIELDS,
  t,
} from '@hardtech/domain';

import { PreferencesRepository } from '@hardtech/persistence';

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
  constructor(private readonly preferences: PreferencesRepository) {}

  async get(actor: Actor): Promise<PreferencesView> {
    return view(await this.preferences.get(actor.username));
  }

  /** Fields left out keep their value; null clears one. */
  async update(actor: Actor, body: unknown): Promise<PreferencesView> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InvalidInput([{ field: 'body', text: t('应为对象', 'must be an object') }]);
    }
    const merged = { ...(await this.preferences.get(actor.username)), ...body };
    assertValid(PREFERENCE_FIELDS, merged);
    return view(await this.preferences.set(actor.username, merged as NotificationPreferences));
  }
}
