import { CorpAnswer, CorpError } from './corp-http';

/** 企业微信 and 钉钉 say a token is wrong (40014) or expired (42001) with the same codes. */
export const TOKEN_REJECTED = new Set([40014, 42001]);

/** Renewed this long before the expiry the API announced, so no send races the deadline. */
const MARGIN_MS = 5 * 60_000;

/**
 * One application's access token, fetched once and shared until it expires (both APIs limit how
 * often a token may be fetched), renewed when the API rejects it. Concurrent sends share one fetch.
 */
export class AccessToken {
  private current: { token: string; until: number } | null = null;
  private fetching: Promise<string> | null = null;

  constructor(
    private readonly provider: string,
    private readonly fetchToken: () => Promise<CorpAnswer>,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<string> {
    if (this.current && this.now() < this.current.until) return Promise.resolve(this.current.token);
    this.fetching ??= this.fetch().finally(() => (this.fetching = null));
    return this.fetching;
  }

  /** Forgets the token the API rejected (not a newer one another send already fetched). */
  reject(token: string): void {
    if (this.current?.token === token) this.current = null;
  }

  /** Sends with the token; once more with a new one when the API says it is wrong or expired. */
  async use(send: (token: string) => Promise<CorpAnswer>): Promise<CorpAnswer> {
    const token = await this.get();
    const answer = await send(token);
    if (!TOKEN_REJECTED.has(answer.errcode)) return answer;
    this.reject(token);
    return send(await this.get());
  }

  private async fetch(): Promise<string> {
    const answer = await this.fetchToken();
    const token = answer.access_token;
    if (answer.errcode !== 0 || typeof token !== 'string') throw new CorpError(this.provider, answer);
    const seconds = typeof answer.expires_in === 'number' ? answer.expires_in : 7200;
    this.current = { token, until: this.now() + seconds * 1000 - MARGIN_MS };
    return token;
  }
}
