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
