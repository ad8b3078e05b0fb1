import { sampleNomination } from '@hardtech/domain';
import { Api, Reply } from '../support/api';
import { World } from '../support/world';
import { BROKEN_BODIES, HOSTILE_STRINGS, hostileValue, invalidFor, Prng } from './hostile-values';

/** One request the fuzzer sent and what came back. */
export interface FuzzResult {
  kind: string;
  method: string;
  path: string;
  status: number;
  body: unknown;
  /** What was sent, shortened. */
  sent?: string;
  /** Its X-Request-Id, to find its audit event. */
  requestId: string;
}

interface Route {
  method: string;
  path: string;
  /** The document declares a request body (the others ignore what is sent). */
  hasBody: boolean;
}

type Generator = (r: Prng, w: World, routes: Route[]) => Promise<FuzzResult>;

const JSON_TYPE = { 'content-type': 'application/json' };
const WRITE = ['POST', 'PUT', 'PATCH', 'DELETE'];
// Users whose scope is limited: other scopes' ids are refused to them (404), never acted on.
const SCOPED = ['enterprise_user', 'district_officer', 'industry_officer'] as const;
const READ_ONLY = ['auditor', 'leader'] as const;

const fill = (path: string, value: () => string) => path.replace(/\{[^}]+\}|:[a-zA-Z]+/g, () => value());
// Lone surrogates have no UTF-8 (encodeURIComponent throws): they become U+FFFD, and raw malformed
// escapes are appended on purpose instead.
const hostileSegment = (r: Prng) =>
  (
    encodeURIComponent((r.pick(HOSTILE_STRINGS) as string & { toWellFormed(): string }).toWellFormed()) +
    r.pick(['', '', '%ED%A0%80', '%00', '%C0%AF', '%'])
  ).slice(0, 300) || '%20';

/**
 * The fuzz comes from an address of its own (TEST-NET-3), as an attacker would, through the
 * loopback proxy the API trusts: the unauthenticated-write throttle it trips (30 a minute per
 * address) then blocks it, not the officers' clients on 127.0.0.1.
 */
export const FUZZ_CLIENT_ADDRESS = '203.0.113.66';
const FUZZ_ADDRESS = { 'x-forwarded-for': FUZZ_CLIENT_ADDRESS };

/** Headers carry Latin-1 only (fetch refuses the rest): the printable ASCII of a hostile string. */
const hostileKey = (r: Prng) => ({
  'idempotency-key':
    r
      .pick(HOSTILE_STRINGS)
      .replace(/[^\x20-\x7e]/g, '')
      .slice(0, 300) || 'k',
});

let sequence = 0;
const nextRequestId = () => `fuzz-${++sequence}`;

async function send(
  kind: string,
  api: Api,
  method: string,
  path: string,
  body: string | undefined,
  headers: Record<string, string> = {},
): Promise<FuzzResult> {
  const requestId = nextRequestId();
  const reply: Reply = await api.raw(method, path, body as string, {
    ...(body === undefined ? {} : JSON_TYPE),
    ...headers,
    ...FUZZ_ADDRESS,
    'x-request-id': requestId,
  });
  return {
    kind,
    method,
    path,
    status: reply.status,
    body: reply.body,
    sent: body?.slice(0, 300),
    requestId,
  };
}

const forgedTokens = (w: World) => {
  const [header, payload] = w.users.system_admin.api.token!.split('.');
  const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  return [
    'garbage',
    'Bearer',
    `${header}.${payload}.`,
    `${none}.${payload}.`,
    `${header}.${payload}.AAAA`,
    `${header}.${Buffer.from('{"sub":"admin","role":"admin"}').toString('base64url')}.sig`,
    'a'.repeat(10_000),
    '../../etc/passwd',
  ];
};

/**
 * The kinds of hostile requests. Each is refused by construction (wrong or no token, a body no
 * endpoint accepts, an id outside the caller's scope, a read-only role writing, an invalid field),
 * so the database must not change; only the audit log may grow with the refusals.
 */
const GENERATORS: Record<string, Generator> = {
  // Any documented route with a forged, broken or missing token.
  wrongToken: (r, w, routes) => {
    const route = r.pick(routes);
    const token = r.pick([...forgedTokens(w), '']);
    return send(
      'wrongToken',
      token ? new Api(token) : Api.anonymous(),
      route.method,
      fill(route.path, () => w.tasks.QR),
      route.method === 'GET' ? undefined : '{}',
    );
  },
  // Reads with hostile path segments and query values, as any role.
  hostileRead: (r, w, routes) => {
    const route = r.pick(routes.filter((x) => x.method === 'GET'));
    const user = r.pick(Object.values(w.users));
    const query = [
      'q',
      'page',
      'pageSize',
      'creditCode',
      'district',
      'status',
      'type',
      'from',
      'to',
      'year',
      'date',
      'mine',
      'overdue',
      'dueBefore',
      'sort',
    ]
      .filter(() => r.next() < 0.3)
      .map((k) => `${k}=${hostileSegment(r)}`)
      .join('&');
    return send(
      'hostileRead',
      user.api,
      'GET',
      `${fill(route.path, () => hostileSegment(r))}${query ? `?${query}` : ''}`,
      undefined,
    );
  },
  // Writes on any route that has an id, with a hostile id and a hostile body.
  hostileWriteId: (r, w, routes) => {
    const route = r.pick(routes.filter((x) => WRITE.includes(x.method) && /\{|:/.test(x.path)));
    const user = r.pick(Object.values(w.users));
    return send(
      'hostileWriteId',
      user.api,
      route.method,
      fill(route.path, () => hostileSegment(r)),
      JSON.stringify({ x: hostileValue(r) }),
    );
  },
  // Scoped users acting on other scopes' tasks and enterprises with plausible bodies.
  otherScope: (r, w) => {
    const user = w.users[r.pick(SCOPED)];
    const foreign =
      user === w.users.enterprise_user ? [w.tasks.DF, w.tasks.EC, w.tasks.SCREEN] : [w.tasks.SCREEN];
    const task = r.pick(foreign);
    const [method, path, body] = r.pick([
      [
        'POST',
        `/api/tasks/${task}/complete`,
        { outcome: r.pick(['pass', 'support', 'confirm', 'submit']), data: {} },
      ],
      ['POST', `/api/tasks/${task}/claim`, {}],
      ['POST', `/api/tasks/${task}/delegate`, { to: w.users.city_coordinator.username }],
      ['POST', `/api/enterprises/${w.enterprises.OUT}/whistle`, { title: '问题', description: '描述' }],
      ['POST', '/api/tasks/bulk', { action: 'claim', taskIds: [task] }],
    ] as const);
    return send('otherScope', user.api, method, path, JSON.stringify(body));
  },
  // Read-only roles writing with valid-looking bodies.
  readOnlyWrite: (r, w) => {
    const user = w.users[r.pick(READ_ONLY)];
    const [method, path, body] = r.pick([
      ['POST', `/api/tasks/${w.tasks.SCREEN}/claim`, {}],
      ['POST', '/api/nominations', sampleNomination({ creditCode: w.unnominated })],
      ['POST', '/api/tasks/bulk', { action: 'claim', taskIds: [w.tasks.SCREEN] }],
      ['PUT', '/api/admin/policy', {}],
    ] as const);
    return send('readOnlyWrite', user.api, method, path, JSON.stringify(body));
  },
  // Completions of real tasks by their own users, with a broken outcome or data.
  badCompletion: (r, w) => {
    const [user, task] = r.pick([
      [w.users.enterprise_user, w.tasks.QR],
      [w.users.district_officer, w.tasks.DF],
      [w.users.city_coordinator, w.tasks.SCREEN],
    ] as const);
    const body = r.pick([
      () => ({ outcome: r.pick(['explode', '', 'PASS', ' support', 'reject\u0000', 42, null]), data: {} }),
      () => ({ outcome: hostileValue(r), data: hostileValue(r) }),
      () => ({ outcome: 'submit', data: { quarter: '2026Q3', revenue: -1, rdExpense: -5, headcount: -3 } }),
      () => ({ outcome: 'submit', data: { quarter: r.pick(HOSTILE_STRINGS), revenue: 'many' } }),
      () => ({ outcome: 'support', data: { opinion: invalidFor('同意', r) } }),
      () => ({ outcome: 'pass', data: { judgments: invalidFor({}, r) } }),
    ])();
    return send(
      'badCompletion',
      user.api,
      'POST',
      `/api/tasks/${task}/complete`,
      JSON.stringify(body),
      hostileKey(r),
    );
  },
  // 退回, 加签, 抄送, 催办 and 转办 of real tasks by their own users, one field broken, a hostile key.
  badAction: (r, w) => {
    const [user, task] = r.pick([
      [w.users.district_officer, w.tasks.DF],
      [w.users.city_coordinator, w.tasks.SCREEN],
    ] as const);
    const [action, body] = r.pick([
      () => ['return', { reason: invalidFor('请补充', r) }],
      () => ['countersign', { users: ['industry-t2'], mode: 'all', note: invalidFor('请会签', r) }],
      () => ['countersign', { users: invalidFor([], r), mode: r.pick(['all', 'some', '']), note: '' }],
      () => ['cc', { users: invalidFor([], r) }],
      () => ['cc', { users: ['industry-t2'], note: invalidFor('请知悉', r) }],
      () => ['urge', { message: invalidFor('请尽快', r) }],
      () => ['delegate', { to: invalidFor('city-coordinator', r) }],
    ] as const)();
    return send(
      'badAction',
      user.api,
      'POST',
      `/api/tasks/${task}/${action}`,
      JSON.stringify(body),
      hostileKey(r),
    );
  },
  // Nominations with one field broken: wrong type, negative, invalid credit code, injection.
  badNomination: (r, w) => {
    const nomination: Record<string, unknown> = {
      ...sampleNomination({ creditCode: w.unnominated, district: w.districtIn, cluster: w.clusterIn }),
    };
    const field = r.pick([...Object.keys(nomination), 'extra']);
    nomination[field] =
      field === 'creditCode'
        ? r.pick(['9150000000000000XX', "' OR 1=1 --", '', 123, '91500000MA5U8XYZ1A'])
        : field === 'extra'
          ? 1
          : invalidFor(nomination[field], r);
    return send(
      'badNomination',
      w.users.district_officer.api,
      'POST',
      '/api/nominations',
      JSON.stringify(nomination),
    );
  },
  // Bulk actions with garbage.
  badBulk: (r, w) => {
    const body = r.pick([
      () => ({ action: r.pick(['nuke', '', 'complete', 'claim']), taskIds: hostileValue(r) }),
      () => ({ action: 'complete', taskIds: [w.tasks.DF], outcome: 'oppose', data: hostileValue(r) }),
      () => ({ action: 'reassign', taskIds: [w.tasks.DF], to: r.pick(HOSTILE_STRINGS) }),
      () => ({ action: 'claim', taskIds: Array.from({ length: 101 + r.int(500) }, () => w.tasks.DF) }),
      () => ({ action: hostileValue(r) }),
    ])();
    const key = r.next() < 0.5 ? hostileKey(r) : {};
    return send(
      'badBulk',
      w.users.district_officer.api,
      'POST',
      '/api/tasks/bulk',
      JSON.stringify(body),
      key,
    );
  },
  // Bodies that are not JSON objects, or say they are something else.
  brokenBody: (r, w, routes) => {
    const route = r.pick(routes.filter((x) => WRITE.includes(x.method) && x.hasBody));
    const user = r.pick(Object.values(w.users));
    const contentType = r.pick([
      'application/json',
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'application/json; charset=latin1',
    ]);
    return send(
      'brokenBody',
      user.api,
      route.method,
      fill(route.path, () => hostileSegment(r)),
      r.pick(BROKEN_BODIES),
      { 'content-type': contentType },
    );
  },
  // Evidence files of the wrong type, subject or purpose.
  badAttachment: async (r, w) => {
    const form = new FormData();
    const content = r.pick([
      'MZ\u0090\u0000 not a pdf',
      '#!/bin/sh\nrm -rf /',
      '%PDF-',
      '',
      '<html><script>x</script></html>',
    ]);
    form.set(
      'file',
      new Blob([content], { type: r.pick(['application/pdf', 'image/png', 'application/x-msdownload', '']) }),
      r.pick(['a.pdf', '../../etc/passwd', 'x.exe', '😀.png', '']),
    );
    for (const [k, v] of Object.entries({
      subject: r.pick(['nomination', 'task', 'problem', "' OR 1=1", '']),
      purpose: r.pick(['C3', 'C5', 'X', '']),
      taskId: r.pick([w.tasks.SCREEN, 'not-a-uuid']),
      creditCode: r.pick([w.enterprises.OUT, '123']),
    }))
      if (r.next() < 0.7) form.set(k, v);
    const user = w.users[r.pick(['enterprise_user', 'district_officer', 'auditor'] as const)];
    const requestId = nextRequestId();
    const res = await fetch(`${process.env.API_URL}/api/attachments`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${user.api.token}`, 'x-request-id': requestId, ...FUZZ_ADDRESS },
    });
    const text = await res.text();
    return {
      kind: 'badAttachment',
      method: 'POST',
      path: '/api/attachments',
      status: res.status,
      body: text.slice(0, 500),
      requestId,
    };
  },
};

/** Sends `count` requests, a generator chosen at random for each; answers every request's result. */
export async function fuzz(r: Prng, w: World, count: number): Promise<FuzzResult[]> {
  const doc = (await w.users.system_admin.api.get('/api/docs-json')).body as {
    paths: Record<string, object>;
  };
  const routes: Route[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      hasBody: 'requestBody' in (op as object),
    })),
  );
  const kinds = Object.keys(GENERATORS);
  const results: FuzzResult[] = [];
  for (let i = 0; i < count; i++) {
    const kind = r.pick(kinds);
    results.push(await GENERATORS[kind](r, w, routes));
  }
  return results;
}
