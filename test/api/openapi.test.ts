import { Api, Reply } from '../support/api';
import { adminApi, Cast, createCast, PASSWORD, tag } from '../support/cast';
import { expectOk, JUDGMENTS, nominationFor } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// Issue 4: every endpoint, DTO and error documented at /api/docs-json. Each operation must have a
// summary, its success body and the error answers its shape implies; then real answers of the
// running API are checked against the documented schemas, so the document cannot drift.
type Schema = Record<string, any>;
type Doc = { paths: Record<string, Record<string, Schema>>; components: { schemas: Record<string, Schema> } };

/** The endpoints of docs/api.md (and its extensions) this document must describe. */
const EXPECTED = [
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/me',
  'POST /api/me/password',
  'GET /api/users',
  'POST /api/users',
  'GET /api/users/{username}',
  'PATCH /api/users/{username}',
  'POST /api/nominations',
  'GET /api/enterprises',
  'GET /api/enterprises/export.xlsx',
  'GET /api/enterprises/{creditCode}',
  'GET /api/enterprises/{creditCode}/statechart',
  'GET /api/tasks',
  'GET /api/tasks/{id}',
  'GET /api/tasks/{id}/candidates',
  'POST /api/tasks/{id}/complete',
  'POST /api/tasks/{id}/claim',
  'POST /api/tasks/{id}/unclaim',
  'POST /api/tasks/{id}/delegate',
  // 退回, 撤回, 加签 (issue 17)
  'POST /api/tasks/{id}/return',
  'POST /api/tasks/{id}/withdraw',
  'POST /api/tasks/{id}/countersign',
  'GET /api/tasks/{id}/countersigners',
  'POST /api/tasks/{id}/comments',
  'GET /api/reference',
  'GET /api/health',
  'GET /api/nominations/import/template',
  'POST /api/nominations/import',
  'GET /api/problems',
  'GET /api/pool/membership/{creditCode}',
  'POST /api/enterprises/{creditCode}/whistle',
  'GET /api/tasks/overdue/summary',
  'GET /api/notifications',
  'POST /api/notifications/read-all',
  'POST /api/notifications/{id}/read',
  'GET /api/admin/policy',
  'PUT /api/admin/policy',
  'GET /api/admin/policy/versions',
  'POST /api/admin/quarterly-dispatch/trigger',
  'GET /api/admin/schedules',
  'GET /api/admin/calendar',
  'PUT /api/admin/calendar/{date}',
  'DELETE /api/admin/calendar/{date}',
  'POST /api/admin/clusters',
  'PATCH /api/admin/clusters/{code}',
  'POST /api/admin/clusters/{code}/retire',
  'PUT /api/admin/clusters/{code}/division',
  'GET /api/health/live',
  'GET /api/health/ready',
  'GET /api/me/notification-preferences',
  'PUT /api/me/notification-preferences',
  'GET /api/security/policy',
  'PUT /api/security/policy',
  'GET /api/security/sessions',
  'DELETE /api/security/sessions/{id}',
  'GET /api/security/lockouts',
  'DELETE /api/security/lockouts/{username}',
];
const PUBLIC = new Set([
  'POST /api/auth/login',
  'GET /api/auth/oidc',
  'GET /api/auth/oidc/login',
  'GET /api/auth/oidc/callback',
  'GET /api/health',
  'GET /api/health/live',
  'GET /api/health/ready',
]);
/** Writes about the caller's own account, open to read-only roles too (no 403). */
const SELF_SERVICE = new Set([
  'POST /api/auth/logout',
  'POST /api/me/password',
  'POST /api/notifications/read-all',
  'POST /api/notifications/{id}/read',
  'PUT /api/me/notification-preferences',
]);

let doc: Doc;
const resolve = (s: Schema): Schema =>
  s.$ref ? doc.components.schemas[s.$ref.replace('#/components/schemas/', '')] : s;

/** What in `value` the schema does not allow: wrong types, missing or undocumented properties. */
function violations(schema: Schema, value: unknown, path = '$'): string[] {
  const s = resolve(schema);
  if (value === null) return s.nullable ? [] : [`${path}: null is not documented`];
  if (s.oneOf) {
    const branches = s.oneOf.map((branch: Schema) => violations(branch, value, path));
    return branches.some((v: string[]) => v.length === 0) ? [] : [`${path}: matches none of oneOf`];
  }
  if (s.enum && !s.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} not in enum`];
  switch (s.type) {
    case 'string':
      return typeof value === 'string' ? [] : [`${path}: not a string`];
    case 'number':
    case 'integer':
      return typeof value === 'number' ? [] : [`${path}: not a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: not a boolean`];
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((item, i) => violations(s.items, item, `${path}[${i}]`))
        : [`${path}: not an array`];
  }
  if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: not an object`];
  if (!s.properties) return [];
  const record = value as Record<string, unknown>;
  return [
    ...(s.required ?? []).filter((k: string) => !(k in record)).map((k: string) => `${path}.${k}: missing`),
    ...Object.entries(record).flatMap(([k, v]) =>
      s.properties[k]
        ? violations(s.properties[k], v, `${path}.${k}`)
        : s.additionalProperties
          ? []
          : [`${path}.${k}: not documented`],
    ),
  ];
}

function operation(method: string, path: string): Schema {
  return doc.paths[path][method.toLowerCase()];
}

/** Checks a real answer against the schema documented for its status. */
function conforms(method: string, path: string, reply: Reply): string[] {
  const response = operation(method, path).responses[String(reply.status)];
  if (!response) return [`${method} ${path}: status ${reply.status} not documented`];
  return violations(response.content['application/json'].schema, reply.body);
}

describe('OpenAPI document', () => {
  beforeAll(async () => {
    doc = (await expectOk(Api.anonymous().get('/api/docs-json'))) as Doc;
  });

  it('is served with Swagger UI at /api/docs', async () => {
    const ui = await Api.anonymous().get('/api/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });

  it('describes every endpoint of the contract', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented).toEqual(expect.arrayContaining(EXPECTED));
  });

  it('documents the error body of docs/api.md once, shared by every error answer', () => {
    const error = doc.components.schemas.ErrorBodyDto;
    expect(error.required.sort()).toEqual(['code', 'details', 'error', 'message', 'statusCode']);
    expect(resolve(error.properties.details.items).required.sort()).toEqual(['field', 'message']);
  });

  describe('every operation', () => {
    const all = () =>
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({
          name: `${method.toUpperCase()} ${path}`,
          path,
          method,
          op,
        })),
      );

    it('has a summary and a success body with a schema', () => {
      for (const { name, op } of all()) {
        expect([name, typeof op.summary === 'string' && op.summary.length > 3]).toEqual([name, true]);
        // Single sign-on's browser navigations answer a redirect instead.
        const success = Object.keys(op.responses).filter((s) => /^(2\d\d|302)$/.test(s));
        expect([name, success.length]).toEqual([name, 1]);
        if (success[0] === '204' || success[0] === '302') continue; // no content
        const content = Object.values(op.responses[success[0]].content ?? {}) as Schema[];
        const schema = content[0]?.schema;
        expect([name, content.length, !!schema && (!!schema.$ref || !!schema.type)]).toEqual([name, 1, true]);
      }
    });

    it('documents the errors its shape implies, each with the error body', () => {
      for (const { name, path, method, op } of all()) {
        const secured = !PUBLIC.has(name);
        const hasInput = !!op.requestBody || (op.parameters ?? []).some((p: Schema) => p.in !== 'header');
        const required = [
          ...(secured ? ['401'] : []),
          ...(hasInput ? ['400'] : []),
          ...(path.includes('{') ? ['404'] : []),
          ...(secured && method !== 'get' && !SELF_SERVICE.has(name) ? ['403'] : []),
          ...(op.requestBody ? ['413'] : []),
        ];
        expect([name, Object.keys(op.responses)]).toEqual([name, expect.arrayContaining(required)]);
        expect([name, !!op.security === secured]).toEqual([name, true]);
        for (const [status, response] of Object.entries(op.responses as Record<string, Schema>)) {
          if (!/^4\d\d$/.test(status)) continue;
          expect([name, status, response.content['application/json'].schema.$ref]).toEqual([
            name,
            status,
            '#/components/schemas/ErrorBodyDto',
          ]);
        }
      }
    });

    it('has a schema for every request body and every parameter', () => {
      for (const { name, op } of all()) {
        for (const [type, media] of Object.entries(
          (op.requestBody?.content ?? {}) as Record<string, Schema>,
        )) {
          expect([name, type, !!media.schema]).toEqual([name, type, true]);
        }
        for (const p of op.parameters ?? []) expect([name, p.name, !!p.schema]).toEqual([name, p.name, true]);
        const headers = (op.parameters ?? [])
          .filter((p: Schema) => p.in === 'header')
          .map((p: Schema) => p.name.toLowerCase());
        expect([name, headers.length]).toEqual([name, new Set(headers).size]);
      }
    });
  });
});

describe('real answers match the documented schemas', () => {
  let cast: Cast;
  let task: string;
  let reply: (method: string, path: string, r: Promise<Reply> | Reply, status?: number) => Promise<any>;

  beforeAll(async () => {
    doc ??= (await expectOk(Api.anonymous().get('/api/docs-json'))) as Doc;
    cast = await createCast('500115', 'P3');
    reply = async (method, path, r, status = 200) => {
      const answer = await r;
      expect(answer.status).toBe(status);
      expect(conforms(method, path, answer)).toEqual([]);
      return answer.body;
    };
  });
  afterAll(closeTemporal);

  it('auth, users, reference and health', async () => {
    const api = cast.coordinator.api;
    const admin = await adminApi();
    await reply(
      'POST',
      '/api/auth/login',
      Api.anonymous().post('/api/auth/login', { username: cast.coordinator.username, password: PASSWORD }),
    );
    await reply('GET', '/api/me', api.get('/api/me'));
    await reply('GET', '/api/users', admin.get('/api/users?pageSize=5'));
    await reply('GET', '/api/users/{username}', admin.get(`/api/users/${cast.districtOfficer.username}`));
    const username = `doc-${tag()}`;
    const body = { username, password: 'doc-pass-12345', displayName: 'doc', role: 'leader', scope: {} };
    await reply('POST', '/api/users', admin.post('/api/users', body), 201);
    await reply(
      'PATCH',
      '/api/users/{username}',
      admin.patch(`/api/users/${username}`, { displayName: '文档' }),
    );
    await reply('GET', '/api/reference', api.get('/api/reference'));
    const prefs = '/api/me/notification-preferences';
    await reply('GET', prefs, api.get(prefs));
    // A read-only role may still choose where its own reminders go.
    await reply('PUT', prefs, cast.auditor.api.put(prefs, { digest: false }));
    await reply('GET', '/api/health', Api.anonymous().get('/api/health'));
    const signedIn = await Api.login(username, 'doc-pass-12345');
    await reply(
      'POST',
      '/api/me/password',
      signedIn.post('/api/me/password', { currentPassword: 'doc-pass-12345', newPassword: 'doc-pass-67890' }),
    );
  });

  it('nominations, enterprises and the inbox', async () => {
    const api = cast.coordinator.api;
    await reply(
      'POST',
      '/api/nominations',
      cast.districtOfficer.api.post('/api/nominations', nominationFor(cast)),
      201,
    );
    await reply('GET', '/api/enterprises', api.get('/api/enterprises?pageSize=3'));
    await reply('GET', '/api/enterprises/{creditCode}', api.get(`/api/enterprises/${cast.creditCode}`));
    await reply(
      'GET',
      '/api/enterprises/{creditCode}/statechart',
      api.get(`/api/enterprises/${cast.creditCode}/statechart`),
    );
    const list = await reply('GET', '/api/tasks', api.get(`/api/tasks?creditCode=${cast.creditCode}`));
    task = list.items[0].id;
    await reply(
      'POST',
      '/api/tasks/{id}/comments',
      api.post(`/api/tasks/${task}/comments`, { text: '文档' }),
      201,
    );
    await reply('GET', '/api/tasks/{id}', api.get(`/api/tasks/${task}`));
    await reply('GET', '/api/tasks/{id}/candidates', api.get(`/api/tasks/${task}/candidates`));
    await reply('POST', '/api/tasks/{id}/claim', api.post(`/api/tasks/${task}/claim`));
    await reply(
      'POST',
      '/api/tasks/{id}/delegate',
      api.post(`/api/tasks/${task}/delegate`, { to: cast.coordinator.username }),
    );
    await reply('POST', '/api/tasks/{id}/unclaim', api.post(`/api/tasks/${task}/unclaim`));
    const done = await reply(
      'POST',
      '/api/tasks/{id}/complete',
      api.post(`/api/tasks/${task}/complete`, { outcome: 'pass', data: { judgments: JUDGMENTS } }),
    );
    expect(done.nextTasks).toHaveLength(2);
    await reply('GET', '/api/tasks/{id}', api.get(`/api/tasks/${task}`));
    await reply(
      'GET',
      '/api/tasks',
      api.get(`/api/tasks?creditCode=${cast.creditCode}&view=all&status=done`),
    );
  });

  it('errors, in the documented status and body', async () => {
    const api = cast.coordinator.api;
    await reply(
      'POST',
      '/api/tasks/{id}/complete',
      api.post(`/api/tasks/${task}/complete`, { outcome: 'pass' }),
      409,
    );
    await reply(
      'POST',
      '/api/tasks/{id}/complete',
      api.post(`/api/tasks/${task}/complete`, { outcome: 7 }),
      400,
    );
    await reply('GET', '/api/tasks/{id}', cast.enterprise.api.get(`/api/tasks/${task}`), 404);
    await reply('GET', '/api/users', api.get('/api/users?role=x'), 400);
    await reply('GET', '/api/users', cast.auditor.api.get('/api/users'), 403);
    await reply('GET', '/api/me', Api.anonymous().get('/api/me'), 401);
    await reply('POST', '/api/auth/logout', api.post('/api/auth/logout'));
    await reply('GET', '/api/me', api.get('/api/me'), 401);
  });

  it('the schema check itself finds a drift', () => {
    expect(
      violations(
        { $ref: '#/components/schemas/TaskCommentDto' },
        { id: 'x', author: 'a', authorName: null, authorDepartment: null, text: 't' },
      ),
    ).toEqual(['$.at: missing']);
    expect(
      violations(
        { $ref: '#/components/schemas/AssignResultDto' },
        { taskId: 'x', assignee: null, secret: 1 },
      ),
    ).toEqual(['$.secret: not documented']);
    expect(
      violations(
        { $ref: '#/components/schemas/HealthDto' },
        { status: 'ok', temporal: 1, database: 'ok', calendar: { coveredThrough: 2026 } },
      ),
    ).toEqual(['$.temporal: 1 not in enum']);
  });
});
