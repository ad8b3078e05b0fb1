import { DomainError } from './errors';
import { Field } from './forms/schema';
import { Role } from './roles';
import { t } from './text';

/**
 * A user id in the 企业微信 or 钉钉 directory: 1–64 letters, digits, `_ . @ -` (企业微信's UserID
 * rule; 钉钉's userid is a subset).
 */
export const CORP_USER_ID = /^[A-Za-z0-9_.@-]{1,64}$/;

/**
 * Where a user wants new-task notices, reminders and escalations beyond the inbox (issue 10 §5,
 * issue 18 §2).
 */
export interface NotificationPreferences {
  email: string | null;
  emailEnabled: boolean;
  /** 企业微信群机器人 webhook, https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… */
  wecomWebhook: string | null;
  /** 钉钉群机器人 webhook, https://oapi.dingtalk.com/robot/send?access_token=… */
  dingtalkWebhook: string | null;
  /** The robot's signing secret (加签), when it has one. */
  dingtalkSecret: string | null;
  /** A digest of due-soon and overdue tasks each working-day morning. */
  digest: boolean;
  /** The user's 企业微信 UserID (kept on the user; an administrator may set it too). */
  wecomUserId: string | null;
  /** 企业微信 application messages to wecomUserId. */
  wecomApp: boolean;
  /** The user's 钉钉 userid (kept on the user; an administrator may set it too). */
  dingtalkUserId: string | null;
  /** 钉钉 work notices to dingtalkUserId. */
  dingtalkApp: boolean;
}

export const DEFAULT_PREFERENCES: NotificationPreferences = {
  email: null,
  emailEnabled: false,
  wecomWebhook: null,
  dingtalkWebhook: null,
  dingtalkSecret: null,
  digest: true,
  wecomUserId: null,
  wecomApp: true,
  dingtalkUserId: null,
  dingtalkApp: true,
};

const corpUserId = (name: string, zh: string, en: string): Field => ({
  name,
  kind: 'text',
  maxLength: 64,
  nullable: true,
  pattern: CORP_USER_ID.source,
  patternText: t('1–64 位字母、数字或 _ . @ -', '1–64 letters, digits or _ . @ -'),
  label: t(zh, en),
});

const url = (name: string, zh: string, en: string): Field => ({
  name,
  kind: 'text',
  maxLength: 500,
  nullable: true,
  pattern: '^https?://[^\\s]+$',
  patternText: t('应为 http(s) 网址', 'must be an http(s) URL'),
  label: t(zh, en),
});

export const PREFERENCE_FIELDS: Field[] = [
  {
    name: 'email',
    kind: 'text',
    maxLength: 200,
    nullable: true,
    pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
    patternText: t('电子邮箱格式不正确', 'not an e-mail address'),
    label: t('电子邮箱', 'E-mail'),
  },
  { name: 'emailEnabled', kind: 'boolean', label: t('邮件提醒', 'Remind by e-mail'), required: true },
  url('wecomWebhook', '企业微信群机器人地址', 'WeCom robot webhook'),
  url('dingtalkWebhook', '钉钉群机器人地址', 'DingTalk robot webhook'),
  {
    name: 'dingtalkSecret',
    kind: 'text',
    maxLength: 200,
    nullable: true,
    label: t('钉钉加签密钥', 'DingTalk signing secret'),
  },
  corpUserId('wecomUserId', '企业微信账号（UserID）', 'WeCom UserID'),
  {
    name: 'wecomApp',
    kind: 'boolean',
    label: t('企业微信应用消息', 'WeCom application messages'),
    required: true,
  },
  corpUserId('dingtalkUserId', '钉钉账号（userid）', 'DingTalk userid'),
  {
    name: 'dingtalkApp',
    kind: 'boolean',
    label: t('钉钉工作通知', 'DingTalk work notices'),
    required: true,
  },
  {
    name: 'digest',
    kind: 'boolean',
    label: t('每个工作日早晨汇总提醒', 'Digest each working-day morning'),
    required: true,
  },
];

/**
 * What an enterprise's contact chooses: e-mail, the switches of the 企业微信 / 钉钉 messages and the
 * morning digest; the in-app notices always reach it. Group robots (webhooks, 加签) are an office's
 * duty groups, and the directory ids are the commission's 企业微信 / 钉钉 (an administrator links a
 * contact there through the users API), so neither is a company's to set.
 */
const ENTERPRISE_PREFERENCES: ReadonlySet<string> = new Set([
  'email',
  'emailEnabled',
  'wecomApp',
  'dingtalkApp',
  'digest',
]);

/** The preferences a role sets itself: an officer every channel, an enterprise plain choices. */
export function preferenceFieldsFor(role: Role): Field[] {
  return role === 'enterprise_user'
    ? PREFERENCE_FIELDS.filter((f) => ENTERPRISE_PREFERENCES.has(f.name))
    : PREFERENCE_FIELDS;
}

/**
 * Whether the group robots a user saved are delivered: only where the role is offered them now. An
 * enterprise's contact could save robots before they became an office's alone; those rows are kept
 * (the contact reads what it saved) but never called.
 */
export function robotsDelivered(role: Role): boolean {
  return preferenceFieldsFor(role).some((f) => f.name === 'wecomWebhook');
}

/**
 * 403 for preferences the role is not offered (named in the details), before anything is saved.
 * Keys that are no preference at all are left to validation (400).
 */
export function assertPreferencesOffered(role: Role, body: Record<string, unknown>): void {
  const offered = new Set(preferenceFieldsFor(role).map((f) => f.name));
  const refused = PREFERENCE_FIELDS.filter((f) => f.name in body && !offered.has(f.name));
  if (!refused.length) return;
  throw new DomainError(
    403,
    'PREFERENCE_NOT_OFFERED',
    t(
      `您的角色不可设置：${refused.map((f) => f.label.zh).join('、')}`,
      `not offered to your role: ${refused.map((f) => f.label.en).join(', ')}`,
    ),
    refused.map((f) => ({ field: f.name, text: t('不向您的角色开放', 'not offered to your role') })),
  );
}
