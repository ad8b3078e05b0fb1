import { sampleNomination } from '@hardtech/domain';
import { lifecycleWorkflowId } from '@hardtech/temporal/lifecycle.contract';
import { Api, Reply } from '../support/api';
import { adminApi, createUser, freshCreditCode, Member, tag } from '../support/cast';
import { closeDb, db } from '../support/db';
import { claimsFor, signToken } from '../support/jwt';
import { expectOk, JUDGMENTS } from '../support/lifecycle';
import { closeTemporal, temporalClient } from '../support/temporal';

// Issue 4: bad input gets a clear 4xx in the error body of docs/api.md and changes nothing. Every case
// below is sent against a small fixture (district 500155 / cluster F2, used by no other test file);
// before and after each, the fixture's rows in PostgreSQL and its workflows' history lengths are
// compared. Accepted hostile strings are stored inert and read back verbatim (last section).
const DISTRICT = '500155';
const CLUSTER = 'F2';

interface Fixture {
  tag: string;
  coordinator: Member;
  district: Member;
  otherDistrict: Member;
  enterprise: Member;
  sme: Member;
  leader: Member;
  admin: Api;
  /** At screening; its SCREEN task. */
  a: string;
  screenA: string;
  /** At feedback; its district feedback and enterprise confirmation. */
  b: string;
  df: string;
  ec: string;
  /** Listed (a hard criterion fails); its SCREEN task. */
  c: string;
  screenC: string;
  /** A valid credit code nobody nominated. */
  nominee: string;
}

interface Case {
  name: string;
  send: (f: Fixture) => Promise<Reply>;
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422;
  code?: string;
  /** A field the details must name. */
  field?: string;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
};
const UNKNOWN_TASK = '00000000-0000-4000-8000-000000000000';
const JSON_TYPE = { 'content-type': 'application/json' };
let addressCounter = Math.floor(Math.random() * 200);
/** Failed logins from an address of their own, so the per-address throttle never blocks other tests. */
const login = (body: unknown) =>
  Api.anonymous().post('/api/auth/login', body, {
    'x-forwarded-for': `192.0.2.${(addressCounter++ % 250) + 1}`,
  });
const rawLogin = (body: string, headers: Record<string, string>) =>
  Api.anonymous().raw('POST', '/api/auth/login', body, { 'x-forwarded-for': '192.0.2.251', ...headers });
const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { d: nested(depth - 1) });
const nomination = (f: Fixture, over: Record<string, unknown> = {}) => ({
  ...sampleNomination({
    creditCode: f.nominee,
    district: DISTRICT,
    cluster: CLUSTER,
    name: `坏输入测试${f.tag}`,
  }),
  ...over,
});
const nominate = (f: Fixture, over: Record<string, unknown> = {}) =>
  f.district.api.post('/api/nominations', nomination(f, over));
const complete = (f: Fixture, task: string, body: unknown, headers?: Record<string, string>) =>
  f.coordinator.api.post(`/api/tasks/${task}/complete`, body, headers);
/** A raw body (and content type) to the complete endpoint of A's screening. */
const rawComplete = (f: Fixture, body: string, headers: Record<string, string> = JSON_TYPE) =>
  f.coordinator.api.raw('POST', `/api/tasks/${f.screenA}/complete`, body, headers);
const newUser = (f: Fixture, over: Record<string, unknown> = {}) =>
  f.admin.post('/api/users', {
    username: `bi-new-${f.tag}`,
    password: 'bad-input-pass-123',
    displayName: '新用户',
    role: 'district_officer',
    scope: { districts: [DISTRICT] },
    ...over,
  });

const CASES: Case[] = [
  // ---- authentication -----------------------------------------------------------------------
  { name: 'no token', send: () => Api.anonymous().get('/api/tasks'), status: 401, code: 'UNAUTHENTICATED' },
  {
    name: 'no token on a write',
    send: (f) => Api.anonymous().post(`/api/tasks/${f.screenA}/complete`, { outcome: 'pass' }),
    status: 401,
  },
  {
    name: 'empty bearer',
    send: () => Api.anonymous().get('/api/me', { authorization: 'Bearer ' }),
    status: 401,
  },
  {
    name: 'basic auth',
    send: () => Api.anonymous().get('/api/me', { authorization: 'Basic YWRtaW46YWRtaW4=' }),
    status: 401,
  },
  {
    name: 'four-part token',
    send: () => Api.anonymous().get('/api/me', { authorization: 'Bearer a.b.c.d' }),
    status: 401,
  },
  {
    name: 'forged token',
    send: () => new Api(signToken(claimsFor('admin'), 'x'.repeat(40))).get('/api/users'),
    status: 401,
  },
  {
    name: 'expired token',
    send: () => new Api(signToken(claimsFor('admin', { exp: 1_600_000_000 }))).get('/api/users'),
    status: 401,
  },
  {
    name: 'token with alg none',
    send: () => new Api(signToken(claimsFor('admin'), '', { alg: 'none' })).get('/api/users'),
    status: 401,
  },
  {
    name: 'SQL in the token subject',
    send: () => new Api(signToken(claimsFor("admin' OR '1'='1"))).get('/api/users'),
    status: 401,
  },

  // ---- login --------------------------------------------------------------------------------
  { name: 'login without fields', send: () => login({}), status: 400, field: 'username' },
  {
    name: 'login with a numeric username',
    send: () => login({ username: 42, password: 'x' }),
    status: 400,
    field: 'username',
  },
  {
    name: 'login with a password list',
    send: () => login({ username: 'admin', password: ['a'] }),
    status: 400,
    field: 'password',
  },
  {
    name: 'login with an unknown field',
    send: () => login({ username: 'a', password: 'b', admin: true }),
    status: 400,
    field: 'admin',
  },
  {
    name: 'login with a 65-character username',
    send: () => login({ username: 'a'.repeat(65), password: 'b' }),
    status: 400,
    field: 'username',
  },
  {
    name: 'login with malformed JSON',
    send: () => rawLogin('{"username":', JSON_TYPE),
    status: 400,
    code: 'MALFORMED_JSON',
  },
  { name: 'login with a JSON array', send: () => rawLogin('[]', JSON_TYPE), status: 400 },
  {
    name: 'login as text/plain',
    send: () => rawLogin('username=admin', { 'content-type': 'text/plain' }),
    status: 415,
  },
  {
    name: 'login as a form',
    send: () =>
      rawLogin('username=admin&password=x', { 'content-type': 'application/x-www-form-urlencoded' }),
    status: 415,
  },
  {
    name: 'login with SQL injection',
    send: () => login({ username: "' OR '1'='1' --", password: "' OR '1'='1" }),
    status: 401,
    code: 'INVALID_CREDENTIALS',
  },
  {
    name: 'login with NUL',
    send: () => login({ username: 'admin\u0000', password: 'x' }),
    status: 400,
    field: 'username',
  },
  { name: 'login with a JSON null body', send: () => rawLogin('null', JSON_TYPE), status: 400 },

  // ---- users ----------------------------------------------------------------------------------
  {
    name: 'create user without fields',
    send: (f) => f.admin.post('/api/users', {}),
    status: 400,
    field: 'username',
  },
  {
    name: 'username with capitals',
    send: (f) => newUser(f, { username: `BI-${f.tag}` }),
    status: 400,
    field: 'username',
  },
  { name: 'username too short', send: (f) => newUser(f, { username: 'ab' }), status: 400, field: 'username' },
  {
    name: 'username with a script tag',
    send: (f) => newUser(f, { username: `<script>${f.tag}` }),
    status: 400,
    field: 'username',
  },
  { name: 'unknown role', send: (f) => newUser(f, { role: 'superuser' }), status: 400, field: 'role' },
  { name: 'scope as a string', send: (f) => newUser(f, { scope: 'all' }), status: 400, field: 'scope' },
  {
    name: 'scope.districts as a string',
    send: (f) => newUser(f, { scope: { districts: DISTRICT } }),
    status: 400,
    field: 'scope.districts',
  },
  {
    name: 'unknown district in scope',
    send: (f) => newUser(f, { scope: { districts: ['999999'] } }),
    status: 400,
    field: 'scope.districts[0]',
  },
  {
    name: 'invalid credit code in scope',
    send: (f) => newUser(f, { role: 'enterprise_user', scope: { creditCodes: ['91350100M000100Y44'] } }),
    status: 400,
    field: 'scope.creditCodes[0]',
  },
  {
    name: 'unknown scope field',
    send: (f) => newUser(f, { scope: { districts: [DISTRICT], everything: true } }),
    status: 400,
    field: 'scope.everything',
  },
  {
    name: 'display name of 101 characters',
    send: (f) => newUser(f, { displayName: '名'.repeat(101) }),
    status: 400,
    field: 'displayName',
  },
  {
    name: 'password of 129 characters',
    send: (f) => newUser(f, { password: 'a1'.repeat(65) }),
    status: 400,
    field: 'password',
  },
  {
    name: 'weak password',
    send: (f) => newUser(f, { password: 'password' }),
    status: 400,
    field: 'password',
  },
  {
    name: '51 districts in scope',
    send: (f) => newUser(f, { scope: { districts: Array(51).fill(DISTRICT) } }),
    status: 400,
    field: 'scope.districts',
  },
  {
    name: 'unknown department',
    send: (f) => newUser(f, { role: 'sme_officer', scope: { department: 'treasury' } }),
    status: 400,
    field: 'scope.department',
  },
  {
    name: 'existing username',
    send: (f) => newUser(f, { username: f.district.username }),
    status: 409,
    code: 'USERNAME_TAKEN',
  },
  {
    name: 'coordinator creating an admin',
    send: (f) =>
      f.coordinator.api.post('/api/users', {
        username: `bi-adm-${f.tag}`,
        password: 'admin-pass-1234',
        displayName: 'x',
        role: 'system_admin',
        scope: {},
      }),
    status: 403,
  },
  {
    name: 'patch with a bad username',
    send: (f) => f.admin.patch('/api/users/Bad Name', { displayName: 'x' }),
    status: 400,
    field: 'username',
  },
  {
    name: 'patch with an unknown field',
    send: (f) => f.admin.patch(`/api/users/${f.district.username}`, { isAdmin: true }),
    status: 400,
    field: 'isAdmin',
  },
  {
    name: 'patch active as a string',
    send: (f) => f.admin.patch(`/api/users/${f.district.username}`, { active: 'no' }),
    status: 400,
    field: 'active',
  },
  {
    name: 'patch unlock false',
    send: (f) => f.admin.patch(`/api/users/${f.district.username}`, { unlock: false }),
    status: 400,
    field: 'unlock',
  },
  {
    name: 'patch with nothing',
    send: (f) => f.admin.patch(`/api/users/${f.district.username}`, {}),
    status: 400,
  },
  {
    name: 'patch role without the scope it needs',
    send: (f) => f.admin.patch(`/api/users/${f.sme.username}`, { role: 'district_officer' }),
    status: 400,
    field: 'scope.districts',
  },
  {
    name: 'patch an unknown user',
    send: (f) => f.admin.patch(`/api/users/nobody-${f.tag}`, { displayName: 'x' }),
    status: 404,
  },
  {
    name: 'patch by a district officer',
    send: (f) => f.district.api.patch(`/api/users/${f.district.username}`, { role: 'system_admin' }),
    status: 403,
  },
  { name: 'users page 0', send: (f) => f.admin.get('/api/users?page=0'), status: 400, field: 'page' },
  {
    name: 'users pageSize 1000',
    send: (f) => f.admin.get('/api/users?pageSize=1000'),
    status: 400,
    field: 'pageSize',
  },
  {
    name: 'users active=maybe',
    send: (f) => f.admin.get('/api/users?active=maybe'),
    status: 400,
    field: 'active',
  },
  { name: 'users role=god', send: (f) => f.admin.get('/api/users?role=god'), status: 400, field: 'role' },
  { name: 'user %00', send: (f) => f.admin.get('/api/users/%00'), status: 400 },
  {
    name: 'own password: wrong type',
    send: (f) => f.district.api.post('/api/me/password', { currentPassword: 1, newPassword: 2 }),
    status: 400,
    field: 'currentPassword',
  },

  // ---- the inbox query ------------------------------------------------------------------------
  ...[
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=abc', 'page'],
    ['page=1.5', 'page'],
    ['page=1e309', 'page'],
    ['page=NaN', 'page'],
    ['page=Infinity', 'page'],
    ['page=99999999999999999999', 'page'],
    ['pageSize=101', 'pageSize'],
    ['pageSize=0', 'pageSize'],
    ['page=1&page=2', 'page'],
    ['status=closed', 'status'],
    ['type=NOPE', 'type'],
    ['sort=priority', 'sort'],
    ['sort=dueAt;DROP TABLE tasks', 'sort'],
    ['view=everything', 'view'],
    ['mine=yes', 'mine'],
    ['overdue=1', 'overdue'],
    ['dueBefore=2026-02-30', 'dueBefore'],
    ['dueBefore=2026-100', 'dueBefore'],
    ['dueBefore=2026-W01-1', 'dueBefore'],
    ['dueBefore=tomorrow', 'dueBefore'],
    ['dueBefore=2026-03-01T10:00', 'dueBefore'],
    ['creditCode=91500155abcdefghij', 'creditCode'],
    [`creditCode=${encodeURIComponent("' OR 1=1 --")}`, 'creditCode'],
    ['district=12345678901234567', 'district'],
    ['district=%00', 'district'],
    ['pageSize=-5', 'pageSize'],
    [`candidateGroup=${'g'.repeat(121)}`, 'candidateGroup'],
    ['district[]=500155', 'district[]'],
    ['foo=bar', 'foo'],
  ].map(([query, field]): Case => ({
    name: `GET /api/tasks?${query.slice(0, 40)}`,
    send: (f) => f.coordinator.api.get(`/api/tasks?${query}`),
    status: 400,
    field,
  })),

  // ---- task ids ---------------------------------------------------------------------------------
  {
    name: 'task id not a UUID',
    send: (f) => f.coordinator.api.get('/api/tasks/not-a-task'),
    status: 400,
    field: 'id',
  },
  {
    name: 'task id with SQL',
    send: (f) => f.coordinator.api.get(`/api/tasks/${encodeURIComponent(`${UNKNOWN_TASK}' OR '1'='1`)}`),
    status: 400,
  },
  {
    name: 'unknown task',
    send: (f) => f.coordinator.api.get(`/api/tasks/${UNKNOWN_TASK}`),
    status: 404,
    code: 'TASK_NOT_FOUND',
  },
  {
    name: 'candidates of a bad id',
    send: (f) => f.coordinator.api.get('/api/tasks/123/candidates'),
    status: 400,
  },
  {
    name: 'candidates of a task outside scope',
    send: (f) => f.otherDistrict.api.get(`/api/tasks/${f.df}/candidates`),
    status: 404,
  },

  // ---- completing -------------------------------------------------------------------------------
  {
    name: 'complete without outcome',
    send: (f) => complete(f, f.screenA, {}),
    status: 400,
    field: 'outcome',
  },
  {
    name: 'outcome as a number',
    send: (f) => complete(f, f.screenA, { outcome: 1 }),
    status: 400,
    field: 'outcome',
  },
  {
    name: 'outcome of 41 characters',
    send: (f) => complete(f, f.screenA, { outcome: 'p'.repeat(41) }),
    status: 400,
    field: 'outcome',
  },
  {
    name: 'unknown outcome',
    send: (f) => complete(f, f.screenA, { outcome: 'approve', data: {} }),
    status: 400,
    field: 'outcome',
  },
  {
    name: 'data as a list',
    send: (f) => complete(f, f.screenA, { outcome: 'pass', data: [] }),
    status: 400,
    field: 'data',
  },
  {
    name: 'data as a string',
    send: (f) => complete(f, f.screenA, { outcome: 'pass', data: 'judgments' }),
    status: 400,
    field: 'data',
  },
  {
    name: 'unknown top-level field',
    send: (f) => complete(f, f.screenA, { outcome: 'pass', data: {}, actor: 'admin' }),
    status: 400,
    field: 'actor',
  },
  {
    name: 'pass without judgments',
    send: (f) => complete(f, f.screenA, { outcome: 'pass', data: {} }),
    status: 422,
    code: 'SCREENING_JUDGMENT_REQUIRED',
  },
  {
    name: 'judgment affirmed as a string',
    send: (f) =>
      complete(f, f.screenA, {
        outcome: 'pass',
        data: { judgments: { C2: { affirmed: 'yes', note: 'x' } } },
      }),
    status: 400,
    field: 'data.judgments.C2.affirmed',
  },
  {
    name: 'unknown data field',
    send: (f) => complete(f, f.screenA, { outcome: 'pass', data: { judgments: JUDGMENTS, bonus: 3 } }),
    status: 400,
    field: 'data.bonus',
  },
  {
    name: 'reject without reason',
    send: (f) => complete(f, f.screenA, { outcome: 'reject', data: {} }),
    status: 400,
    field: 'data.reason',
  },
  {
    name: 'reject with a reason of 2001 characters',
    send: (f) => complete(f, f.screenA, { outcome: 'reject', data: { reason: 'x'.repeat(2001) } }),
    status: 400,
    field: 'data.reason',
  },
  {
    name: 'pass with a failed hard criterion',
    send: (f) => complete(f, f.screenC, { outcome: 'pass', data: { judgments: JUDGMENTS } }),
    status: 422,
    code: 'SCREENING_HARD_CRITERION_FAILED',
  },
  {
    name: 'opinion as a number',
    send: (f) =>
      f.district.api.post(`/api/tasks/${f.df}/complete`, { outcome: 'oppose', data: { opinion: 1 } }),
    status: 400,
    field: 'data.opinion',
  },
  {
    name: 'oppose without opinion',
    send: (f) => f.district.api.post(`/api/tasks/${f.df}/complete`, { outcome: 'oppose', data: {} }),
    status: 400,
    field: 'data.opinion',
  },
  {
    name: 'another task type’s outcome',
    send: (f) => f.district.api.post(`/api/tasks/${f.df}/complete`, { outcome: 'pass', data: {} }),
    status: 400,
    field: 'outcome',
  },
  {
    name: 'note as an object',
    send: (f) =>
      f.enterprise.api.post(`/api/tasks/${f.ec}/complete`, { outcome: 'confirm', data: { note: {} } }),
    status: 400,
    field: 'data.note',
  },
  {
    name: 'complete with malformed JSON',
    send: (f) => rawComplete(f, '{"outcome": "pass",}'),
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    name: 'complete with a JSON null',
    send: (f) => rawComplete(f, 'null'),
    status: 400,
  },
  {
    name: 'complete with a JSON string',
    send: (f) => rawComplete(f, '"pass"'),
    status: 400,
  },
  {
    name: 'complete with an array of completions',
    send: (f) => complete(f, f.screenA, [{ outcome: 'reject', data: { reason: 'x' } }]),
    status: 400,
  },
  {
    name: 'complete as text/plain',
    send: (f) => rawComplete(f, '{"outcome":"reject"}', { 'content-type': 'text/plain' }),
    status: 415,
  },
  {
    name: 'complete in latin1',
    send: (f) =>
      rawComplete(f, '{"outcome":"reject"}', { 'content-type': 'application/json; charset=latin1' }),
    status: 415,
  },
  {
    name: 'complete with a body over the limit',
    send: (f) => complete(f, f.screenA, { outcome: 'reject', data: { reason: 'x'.repeat(1_100_000) } }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'data nested 200 deep',
    send: (f) => complete(f, f.screenA, { outcome: 'reject', data: nested(200) }),
    status: 400,
  },
  {
    name: 'NUL in data',
    send: (f) => complete(f, f.screenA, { outcome: 'reject', data: { reason: 'a\u0000b' } }),
    status: 400,
    field: 'data.reason',
  },
  {
    name: 'unpaired surrogate in data',
    send: (f) => complete(f, f.screenA, { outcome: 'reject', data: { reason: 'a\ud83db' } }),
    status: 400,
    field: 'data.reason',
  },
  {
    name: 'NUL in a data key',
    send: (f) => complete(f, f.screenA, { outcome: 'reject', data: { 'reason\u0000': 'x' } }),
    status: 400,
  },
  {
    name: '__proto__ in data',
    send: (f) => rawComplete(f, '{"outcome":"reject","data":{"reason":"x","__proto__":{"admin":true}}}'),
    status: 400,
    field: 'data.__proto__',
  },
  {
    name: '__proto__ at the top',
    send: (f) => rawComplete(f, '{"__proto__":{"outcome":"reject","data":{"reason":"polluted"}}}'),
    status: 400,
  },
  {
    name: 'constructor in data',
    send: (f) =>
      complete(f, f.screenA, { outcome: 'reject', data: { reason: 'x', constructor: { prototype: {} } } }),
    status: 400,
    field: 'data.constructor',
  },
  {
    name: 'Idempotency-Key of 201 characters',
    send: (f) =>
      complete(
        f,
        f.screenA,
        { outcome: 'reject', data: { reason: 'x' } },
        { 'idempotency-key': 'k'.repeat(201) },
      ),
    status: 400,
    field: 'Idempotency-Key',
  },
  {
    name: 'Idempotency-Key with spaces',
    send: (f) =>
      complete(f, f.screenA, { outcome: 'reject', data: { reason: 'x' } }, { 'idempotency-key': 'a key' }),
    status: 400,
    field: 'Idempotency-Key',
  },
  {
    name: 'complete an unknown task',
    send: (f) => complete(f, UNKNOWN_TASK, { outcome: 'pass', data: {} }),
    status: 404,
  },
  {
    name: 'complete a task of another district',
    send: (f) => f.otherDistrict.api.post(`/api/tasks/${f.df}/complete`, { outcome: 'support', data: {} }),
    status: 404,
  },
  {
    name: 'complete as a non-candidate',
    send: (f) =>
      f.district.api.post(`/api/tasks/${f.screenA}/complete`, { outcome: 'reject', data: { reason: 'x' } }),
    status: 403,
    code: 'NOT_A_CANDIDATE',
  },
  {
    name: 'complete as a leader',
    send: (f) =>
      f.leader.api.post(`/api/tasks/${f.screenA}/complete`, { outcome: 'reject', data: { reason: 'x' } }),
    status: 403,
    code: 'READ_ONLY_ROLE',
  },

  // ---- claim, unclaim, delegate -----------------------------------------------------------------
  { name: 'claim a bad id', send: (f) => f.coordinator.api.post('/api/tasks/%27%3B--/claim'), status: 400 },
  {
    name: 'claim an unknown task',
    send: (f) => f.coordinator.api.post(`/api/tasks/${UNKNOWN_TASK}/claim`),
    status: 404,
  },
  {
    name: 'claim a task outside scope',
    send: (f) => f.sme.api.post(`/api/tasks/${f.screenA}/claim`),
    status: 404,
  },
  {
    name: 'claim a task one may see but not do',
    send: (f) => f.district.api.post(`/api/tasks/${f.screenA}/claim`),
    status: 403,
  },
  {
    name: 'unclaim an unclaimed task',
    send: (f) => f.coordinator.api.post(`/api/tasks/${f.screenA}/unclaim`),
    status: 409,
    code: 'TASK_NOT_CLAIMED',
  },
  {
    name: 'delegate without to',
    send: (f) => f.coordinator.api.post(`/api/tasks/${f.screenA}/delegate`, {}),
    status: 400,
    field: 'to',
  },
  {
    name: 'delegate to a number',
    send: (f) => f.coordinator.api.post(`/api/tasks/${f.screenA}/delegate`, { to: 7 }),
    status: 400,
    field: 'to',
  },
  {
    name: 'delegate to a list',
    send: (f) => f.coordinator.api.post(`/api/tasks/${f.screenA}/delegate`, { to: ['a', 'b'] }),
    status: 400,
    field: 'to',
  },
  {
    name: 'delegate with an extra field',
    send: (f) => f.coordinator.api.post(`/api/tasks/${f.screenA}/delegate`, { to: 'x', force: true }),
    status: 400,
    field: 'force',
  },
  {
    name: 'delegate to nobody',
    send: (f) => f.coordinator.api.post(`/api/tasks/${f.screenA}/delegate`, { to: `nobody-${f.tag}` }),
    status: 422,
    code: 'DELEGATE_UNKNOWN',
  },
  {
    name: 'delegate to SQL',
    send: (f) => f.coordinator.api.post(`/api/tasks/${f.screenA}/delegate`, { to: "x' OR '1'='1" }),
    status: 422,
  },
  {
    name: 'delegate to a non-candidate',
    send: (f) => f.coordinator.api.post(`/api/tasks/${f.screenA}/delegate`, { to: f.district.username }),
    status: 422,
    code: 'DELEGATE_NOT_CANDIDATE',
  },
  {
    name: 'delegate to a leader',
    send: (f) => f.coordinator.api.post(`/api/tasks/${f.screenA}/delegate`, { to: f.leader.username }),
    status: 422,
  },

  // ---- comments -------------------------------------------------------------------------------
  {
    name: 'comment without text',
    send: (f) => f.coordinator.api.post(`/api/tasks/${f.screenA}/comments`, {}),
    status: 400,
    field: 'text',
  },
  {
    name: 'comment text as a number',
    send: (f) => f.coordinator.api.post(`/api/tasks/${f.screenA}/comments`, { text: 12 }),
    status: 400,
    field: 'text',
  },
  {
    name: 'comment text as an object',
    send: (f) => f.coordinator.api.post(`/api/tasks/${f.screenA}/comments`, { text: { $ne: '' } }),
    status: 400,
    field: 'text',
  },
  {
    name: 'empty comment',
    send: (f) => f.coordinator.api.post(`/api/tasks/${f.screenA}/comments`, { text: '' }),
    status: 400,
    field: 'text',
  },
  {
    name: 'comment of 2001 characters',
    send: (f) => f.coordinator.api.post(`/api/tasks/${f.screenA}/comments`, { text: '评'.repeat(2001) }),
    status: 400,
    field: 'text',
  },
  {
    name: 'comment with an author',
    send: (f) => f.coordinator.api.post(`/api/tasks/${f.screenA}/comments`, { text: 'x', author: 'admin' }),
    status: 400,
    field: 'author',
  },
  {
    name: 'comment with NUL',
    send: (f) => f.coordinator.api.post(`/api/tasks/${f.screenA}/comments`, { text: 'x\u0000' }),
    status: 400,
    field: 'text',
  },
  {
    name: 'comment by a leader',
    send: (f) => f.leader.api.post(`/api/tasks/${f.screenA}/comments`, { text: 'x' }),
    status: 403,
  },
  {
    name: 'comment on a task outside scope',
    send: (f) => f.otherDistrict.api.post(`/api/tasks/${f.df}/comments`, { text: 'x' }),
    status: 404,
  },

  // ---- enterprises ------------------------------------------------------------------------------
  {
    name: 'enterprise code too short',
    send: (f) => f.coordinator.api.get('/api/enterprises/abc'),
    status: 400,
    field: 'creditCode',
  },
  {
    name: 'enterprise code lower case',
    send: (f) => f.coordinator.api.get('/api/enterprises/91350100m000100y43'),
    status: 400,
  },
  {
    name: 'enterprise code with a bad check digit',
    send: (f) => f.coordinator.api.get(`/api/enterprises/${f.a.slice(0, 17)}${f.a[17] === '0' ? '1' : '0'}`),
    status: 400,
  },
  {
    name: 'enterprise code with SQL',
    send: (f) => f.coordinator.api.get(`/api/enterprises/${encodeURIComponent("' OR 1=1 --")}`),
    status: 400,
  },
  {
    name: 'enterprise nobody nominated',
    send: (f) => f.coordinator.api.get(`/api/enterprises/${f.nominee}`),
    status: 404,
    code: 'ENTERPRISE_NOT_FOUND',
  },
  {
    name: 'enterprise outside scope',
    send: (f) => f.otherDistrict.api.get(`/api/enterprises/${f.a}`),
    status: 404,
    code: 'ENTERPRISE_NOT_FOUND',
  },
  {
    name: 'statechart of a bad code',
    send: (f) => f.coordinator.api.get('/api/enterprises/x/statechart'),
    status: 400,
  },
  {
    name: 'enterprises stage=unknown',
    send: (f) => f.coordinator.api.get('/api/enterprises?stage=limbo'),
    status: 400,
    field: 'stage',
  },
  {
    name: 'enterprises q of 101 characters',
    send: (f) => f.coordinator.api.get(`/api/enterprises?q=${'q'.repeat(101)}`),
    status: 400,
    field: 'q',
  },
  {
    name: 'enterprises pageSize=abc',
    send: (f) => f.coordinator.api.get('/api/enterprises?pageSize=abc'),
    status: 400,
    field: 'pageSize',
  },
  {
    name: 'enterprises q with NUL',
    send: (f) => f.coordinator.api.get('/api/enterprises?q=%00'),
    status: 400,
    field: 'q',
  },

  // ---- nominations ------------------------------------------------------------------------------
  {
    name: 'nominate nothing',
    send: (f) => f.district.api.post('/api/nominations', {}),
    status: 400,
    field: 'creditCode',
  },
  {
    name: 'nominate a list',
    send: (f) => f.district.api.post('/api/nominations', [nomination(f)]),
    status: 400,
  },
  {
    name: 'credit code with a bad check digit',
    send: (f) => nominate(f, { creditCode: '91350100M000100Y44' }),
    status: 400,
    field: 'creditCode',
  },
  {
    name: 'credit code of 19 characters',
    send: (f) => nominate(f, { creditCode: `${f.nominee}0` }),
    status: 400,
    field: 'creditCode',
  },
  {
    name: 'negative revenue',
    send: (f) => nominate(f, { revenuePrevYear: -1 }),
    status: 400,
    field: 'revenuePrevYear',
  },
  {
    name: 'fractional revenue',
    send: (f) => nominate(f, { revenuePrevYear: 1.5 }),
    status: 400,
    field: 'revenuePrevYear',
  },
  {
    name: 'revenue as a string',
    send: (f) => nominate(f, { revenuePrevYear: '80000000' }),
    status: 400,
    field: 'revenuePrevYear',
  },
  {
    name: 'revenue of 1e20',
    send: (f) => nominate(f, { revenuePrevYear: 1e20 }),
    status: 400,
    field: 'revenuePrevYear',
  },
  {
    name: 'revenue "NaN"',
    send: (f) => nominate(f, { revenuePrevYear: 'NaN' }),
    status: 400,
    field: 'revenuePrevYear',
  },
  {
    name: 'revenue of 2^53',
    send: (f) =>
      f.district.api.raw(
        'POST',
        '/api/nominations',
        JSON.stringify(nomination(f)).replace(
          '"revenuePrevYear":80000000',
          '"revenuePrevYear":9007199254740993',
        ),
        JSON_TYPE,
      ),
    status: 400,
    field: 'revenuePrevYear',
  },
  {
    name: 'R&D expense of -0.01',
    send: (f) => nominate(f, { rdExpensePrevYear: -0.01 }),
    status: 400,
    field: 'rdExpensePrevYear',
  },
  {
    name: 'unknown district',
    send: (f) => nominate(f, { district: '999999' }),
    status: 400,
    field: 'district',
  },
  { name: 'unknown cluster', send: (f) => nominate(f, { cluster: 'Z9' }), status: 400, field: 'cluster' },
  {
    name: 'unknown tech centre kind',
    send: (f) => nominate(f, { techCenter: { kind: 'lab', level: 'municipal' } }),
    status: 400,
    field: 'techCenter.kind',
  },
  {
    name: 'tech centre level without a centre',
    send: (f) => nominate(f, { techCenter: { kind: 'none', level: 'national' } }),
    status: 400,
    field: 'techCenter.level',
  },
  {
    name: 'achievements as an object',
    send: (f) => nominate(f, { achievements: { kind: 'fill_gap' } }),
    status: 400,
    field: 'achievements',
  },
  {
    name: '21 achievements',
    send: (f) => nominate(f, { achievements: Array(21).fill({ kind: 'fill_gap', description: 'x' }) }),
    status: 400,
    field: 'achievements',
  },
  { name: 'listed as "false"', send: (f) => nominate(f, { listed: 'false' }), status: 400, field: 'listed' },
  { name: 'unknown SRDI status', send: (f) => nominate(f, { srdi: 'giant' }), status: 400, field: 'srdi' },
  {
    name: 'phone with letters',
    send: (f) => nominate(f, { contact: { name: '张三', phone: 'call me' } }),
    status: 400,
    field: 'contact.phone',
  },
  {
    name: 'name of 101 characters',
    send: (f) => nominate(f, { name: '企'.repeat(101) }),
    status: 400,
    field: 'name',
  },
  { name: 'unknown nomination field', send: (f) => nominate(f, { score: 100 }), status: 400, field: 'score' },
  {
    name: 'NUL in the name',
    send: (f) => nominate(f, { name: '重庆\u0000科技' }),
    status: 400,
    field: 'name',
  },
  {
    name: 'nominated by an SME officer',
    send: (f) => f.sme.api.post('/api/nominations', nomination(f)),
    status: 403,
  },
  {
    name: 'nominated outside the district',
    send: (f) => f.otherDistrict.api.post('/api/nominations', nomination(f)),
    status: 403,
    code: 'NOMINATION_OUT_OF_SCOPE',
  },
  {
    name: 'an enterprise with an active lifecycle',
    send: (f) => nominate(f, { creditCode: f.a }),
    status: 409,
    code: 'ACTIVE_LIFECYCLE_EXISTS',
  },

  // ---- routes -------------------------------------------------------------------------------------
  {
    name: 'unknown route',
    send: (f) => f.coordinator.api.get('/api/secrets'),
    status: 404,
    code: 'ROUTE_NOT_FOUND',
  },
  {
    name: 'unknown method on a route',
    send: (f) => f.coordinator.api.request('DELETE', `/api/tasks/${f.screenA}`),
    status: 404,
  },
];

describe('bad input: a clear 4xx and nothing changed', () => {
  let f: Fixture;

  /** Everything the cases could touch: the fixture's rows and its workflows' histories. */
  const snapshot = async () => {
    const codes = [f.a, f.b, f.c, f.nominee];
    const rows = async (sql: string, params: unknown[]) => (await db().query(sql, params)).rows;
    const client = await temporalClient();
    const history = (cc: string) =>
      client.workflow
        .getHandle(lifecycleWorkflowId(cc))
        .describe()
        .then((d) => d.historyLength)
        .catch(() => 'absent');
    return {
      enterprises: await rows(`SELECT * FROM enterprises WHERE credit_code = ANY($1) ORDER BY credit_code`, [
        codes,
      ]),
      tasks: await rows(`SELECT * FROM tasks WHERE credit_code = ANY($1) ORDER BY id`, [codes]),
      comments: await rows(
        `SELECT c.* FROM task_comments c JOIN tasks t ON t.id = c.task_id WHERE t.credit_code = ANY($1) ORDER BY c.id`,
        [codes],
      ),
      users: await rows(`SELECT * FROM users WHERE username LIKE $1 ORDER BY username`, [`%${f.tag}%`]),
      revoked: await rows(
        `SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.revoked_at IS NOT NULL AND u.username LIKE $1`,
        [`%${f.tag}%`],
      ),
      histories: await Promise.all(codes.map(history)),
    };
  };

  beforeAll(async () => {
    const t = tag();
    const user = (role: Parameters<typeof createUser>[0], scope: object, name: string) =>
      createUser(role, scope, `bi-${name}-${t}`);
    const [a, b, c, nominee] = [freshCreditCode(), freshCreditCode(), freshCreditCode(), freshCreditCode()];
    const [coordinator, district, otherDistrict, enterprise, sme, leader] = await Promise.all([
      user('city_coordinator', {}, 'coordinator'),
      user('district_officer', { districts: [DISTRICT] }, 'district'),
      user('district_officer', { districts: ['500156'] }, 'other-district'),
      user('enterprise_user', { creditCodes: [b] }, 'enterprise'),
      user('sme_officer', { department: 'sme' }, 'sme'),
      user('leader', {}, 'leader'),
    ]);
    const admin = await adminApi();
    const nominate = (creditCode: string, over: object = {}) =>
      expectOk(
        district.api.post('/api/nominations', {
          ...sampleNomination({ creditCode, district: DISTRICT, cluster: CLUSTER, name: `坏输入测试${t}` }),
          ...over,
        }),
        201,
      );
    await Promise.all([nominate(a), nominate(b), nominate(c, { listed: true })]);
    const taskOf = async (cc: string, type: string) =>
      (await expectOk(coordinator.api.get(`/api/tasks?view=all&creditCode=${cc}&type=${type}`))).items[0].id;
    await expectOk(
      coordinator.api.post(`/api/tasks/${await taskOf(b, 'SCREEN')}/complete`, {
        outcome: 'pass',
        data: { judgments: JUDGMENTS },
      }),
    );
    f = {
      tag: t,
      coordinator,
      district,
      otherDistrict,
      enterprise,
      sme,
      leader,
      admin,
      a,
      screenA: await taskOf(a, 'SCREEN'),
      b,
      df: await taskOf(b, 'DISTRICT_FEEDBACK'),
      ec: await taskOf(b, 'ENTERPRISE_CONFIRM'),
      c,
      screenC: await taskOf(c, 'SCREEN'),
      nominee,
    };
  }, 60_000);
  afterAll(() => Promise.all([closeTemporal(), closeDb()]));

  it(`has at least 100 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  for (const c of CASES) {
    it(`${c.name} → ${c.status}${c.code ? ` ${c.code}` : ''}`, async () => {
      const before = await snapshot();
      const r = await c.send(f);
      expect(r.status).toBe(c.status);
      expect(r.body).toEqual({
        statusCode: c.status,
        error: STATUS_NAMES[c.status],
        code: c.code ?? expect.stringMatching(/^[A-Z][A-Z0-9_]+$/),
        message: expect.stringMatching(/\S/),
        details: expect.any(Array),
      });
      for (const d of r.body.details)
        expect(d).toEqual({ field: expect.any(String), message: expect.stringMatching(/\S/) });
      if (c.field) expect(r.body.details.map((d: { field: string }) => d.field)).toContain(c.field);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('answers in Chinese by default and in English for Accept-Language: en, for any other language Chinese', async () => {
    const send = (lang?: string) =>
      f.coordinator.api.post(
        `/api/tasks/${f.screenA}/comments`,
        {},
        lang === undefined ? {} : { 'accept-language': lang },
      );
    const cjk = /[\u4e00-\u9fff]/;
    expect((await send()).body.details[0].message).toMatch(cjk);
    expect((await send('en-US,en;q=0.9')).body.details).toContainEqual({
      field: 'text',
      message: 'text must be a string',
    });
    for (const lang of ['fr', '*', 'xx;q=abc', ';;;', 'zh-CN']) {
      const r = await send(lang);
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(cjk);
    }
  });
});

describe('hostile strings where text is accepted: stored inert, read back verbatim', () => {
  const HOSTILE = [
    '<script>alert(document.cookie)</script>',
    '<img src=x onerror="alert(1)">',
    "'; DROP TABLE tasks; --",
    '" OR ""="',
    '{{constructor.constructor("return process")()}}',
    '${7*7} %s %n \\ \\\\ %00',
    '\u202eRTL override\u202c 零宽\u200b字符',
    '😀👨‍👩‍👧 emoji 汉字 𠀀',
  ];
  let coordinator: Member;
  let task: string;
  let creditCode: string;

  beforeAll(async () => {
    coordinator = await createUser('city_coordinator', {});
    const district = await createUser('district_officer', { districts: [DISTRICT] });
    creditCode = freshCreditCode();
    await expectOk(
      district.api.post('/api/nominations', {
        ...sampleNomination({ creditCode, district: DISTRICT, cluster: CLUSTER }),
        name: HOSTILE[0],
        hardTechDescription: HOSTILE.join(' | '),
        contact: { name: HOSTILE[2].slice(0, 50), phone: '023-6000 0000' },
      }),
      201,
    );
    task = (await expectOk(coordinator.api.get(`/api/tasks?creditCode=${creditCode}`))).items[0].id;
  });
  afterAll(() => Promise.all([closeTemporal(), closeDb()]));

  it.each(HOSTILE)('a comment %p', async (text) => {
    const r = await expectOk(coordinator.api.post(`/api/tasks/${task}/comments`, { text }), 201);
    expect(r.text).toBe(text);
    const comments = (await expectOk(coordinator.api.get(`/api/tasks/${task}`))).comments;
    expect(comments[comments.length - 1].text).toBe(text);
  });

  it('a nomination’s name and description, in the enterprise, the inbox and the search', async () => {
    const e = await expectOk(coordinator.api.get(`/api/enterprises/${creditCode}`));
    expect(e.name).toBe(HOSTILE[0]);
    expect(e.nomination.hardTechDescription).toBe(HOSTILE.join(' | '));
    expect((await expectOk(coordinator.api.get(`/api/tasks/${task}`))).enterpriseName).toBe(HOSTILE[0]);
    const found = await expectOk(
      coordinator.api.get(`/api/enterprises?q=${encodeURIComponent('<script>alert(document')}`),
    );
    expect(found.items.map((i: { creditCode: string }) => i.creditCode)).toContain(creditCode);
  });

  it.each([
    ["' OR 1=1 --", 'enterprises?q='],
    ['%%', 'enterprises?q='],
    ['_%_', 'users?q='],
    ["' OR '1'='1", 'tasks?candidateGroup='],
    ["x' UNION SELECT password_hash FROM users --", 'enterprises?q='],
  ])('search for %p in %s matches literally, nothing more', async (value, path) => {
    const r = await (path.startsWith('users') ? await adminApi() : coordinator.api).get(
      `/api/${path}${encodeURIComponent(value)}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(0);
  });

  it('the tables are all still there', async () => {
    const tables = (await db().query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows.map(
      (r) => r.tablename,
    );
    expect(tables).toEqual(expect.arrayContaining(['tasks', 'users', 'task_comments', 'enterprises']));
  });
});
