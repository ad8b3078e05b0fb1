import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressProblem, OutboundPolicy, outboundUrlProblem } from '@hardtech/domain';

export interface OutboundReply {
  status: number;
  body: string;
}

export class OutboundRefused extends Error {
  constructor(reason: string) {
    super(`refused: ${reason}`);
    this.name = 'OutboundRefused';
  }
}

const MAX_REPLY_BYTES = 64 * 1024;

/**
 * POSTs a notification where the outbound rule allows (libs/domain/src/outbound.ts), checked
 * again at send time: the URL, then every address its host resolves to, and the socket connects to
 * the address that was checked (the lookup hands over only checked ones), so a name re-pointed to
 * 127.0.0.1 after it was saved (DNS rebinding) is refused. Redirects are not followed: a 3xx is a
 * failed delivery. Replies are read up to 64 KiB.
 */
export function postOutbound(
  url: string,
  body: string,
  headers: Record<string, string>,
  policy: OutboundPolicy,
  timeoutMs: number,
): Promise<OutboundReply> {
  const problem = outboundUrlProblem(url, policy);
  if (problem) return Promise.reject(new OutboundRefused(problem.en));
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const listed = policy.allowedHosts.map((h) => h.toLowerCase()).includes(host);
  const lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const refused = addresses.map((a) => addressProblem(a.address, policy, listed)).find(Boolean);
      if (refused || !addresses.length) {
        return callback(new OutboundRefused(refused?.en ?? 'no address'), '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as any)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        lookup,
        timeout: timeoutMs,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < MAX_REPLY_BYTES) text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
