import { createHmac } from 'node:crypto';
import type { Text } from '@hardtech/domain';

/** What a channel is given to send: the text and, for machines, the structured notification. */
export interface Message {
  text: Text;
  payload: unknown;
  event: string;
  deliveryId: number;
  attempt: number;
}

/** The signature a receiver checks: HMAC-SHA256 over `<timestamp>.<body>` with the shared secret. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** 钉钉 robot 加签: `timestamp` and `sign` (base64 HMAC-SHA256 of "timestamp\nsecret") on the URL. */
export function dingtalkSignedUrl(url: string, secret: string, now = Date.now()): string {
  const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  return `${url}${url.includes('?') ? '&' : '?'}timestamp=${now}&sign=${encodeURIComponent(sign)}`;
}

/** The system webhook: the notification as JSON, signed. */
export function webhookRequest(
  m: Message,
  secret: string,
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ notification: m.payload, text: m.text, attempt: m.attempt });
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    body,
    headers: {
      'x-hardtech-event': m.event,
      'x-hardtech-delivery': String(m.deliveryId),
      'x-hardtech-timestamp': timestamp,
      'x-hardtech-signature': signature(secret, timestamp, body),
    },
  };
}

/** 企业微信群机器人: a markdown message. */
export function wecomBody(m: Message): string {
  return JSON.stringify({ msgtype: 'markdown', markdown: { content: m.text.zh } });
}

/** 钉钉群机器人: a markdown message with a title. */
export function dingtalkBody(m: Message): string {
  return JSON.stringify({
    msgtype: 'markdown',
    markdown: { title: m.text.zh.split('\n')[0].slice(0, 60), text: m.text.zh },
  });
}

/** The robots answer 200 with {errcode: 0} when they accepted the message (a redirect is a failure). */
export function robotAccepted(res: { status: number; body: string }): void {
  if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status}`);
  let body: { errcode?: number; errmsg?: string } = {};
  try {
    body = JSON.parse(res.body);
  } catch {
    // not JSON: accepted by its status
  }
  if (body.errcode !== undefined && body.errcode !== 0)
    throw new Error(`errcode ${body.errcode}: ${body.errmsg ?? ''}`);
}

/** A text card for one person's 企业微信 application message or 钉钉 work notice. */
export interface CorpCard {
  title: string;
  description: string;
  /** Opens the task (after login: the web UI keeps the link through the login page). */
  url: string;
  button: string;
}

/** 企业微信 takes at most 128 bytes of title and 512 of description (UTF-8). */
function clip(text: string, bytes: number): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > bytes) return `${out.slice(0, -1)}…`;
    out += ch;
  }
  return out;
}

/**
 * The card of a notification: titled with its kind (the text's 【…】) and the enterprise, linking to
 * the task, or to the inbox for a digest.
 */
export function corpCard(
  n: { taskId?: string | null; enterpriseName?: string | null },
  text: Text,
  publicUrl: string,
): CorpCard {
  const kind = /^【(.+?)】/.exec(text.zh)?.[1] ?? '通知';
  return {
    title: clip(n.enterpriseName ? `${kind}｜${n.enterpriseName}` : kind, 128),
    description: clip(text.zh.replace(/^【.+?】/, ''), 512),
    url: n.taskId ? `${publicUrl}/tasks/${n.taskId}` : `${publicUrl}/inbox`,
    button: n.taskId ? '去办理' : '查看待办',
  };
}
