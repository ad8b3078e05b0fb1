import { Field } from './forms/schema';
import { t } from './text';

/** Where a user wants reminders and escalations beyond the inbox (issue 10 §5). */
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
}

export const DEFAULT_PREFERENCES: NotificationPreferences = {
  email: null,
  emailEnabled: false,
  wecomWebhook: null,
  dingtalkWebhook: null,
  dingtalkSecret: null,
  digest: true,
};

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
  {
    name: 'digest',
    kind: 'boolean',
    label: t('每个工作日早晨汇总提醒', 'Digest each working-day morning'),
    required: true,
  },
];
