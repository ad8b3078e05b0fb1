import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { LogContext, noteWorkflowId, requestIdFrom, runWithLogContext } from './log-context';
import { NestJsonLogger } from './nest-logger';
import { TemporalJsonLogger } from './temporal-logger';

function capture() {
  const lines: any[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe('JSON logs', () => {
  it('writes one JSON object per line with time, level, service and message', () => {
    const { lines, stream } = capture();
    createLogger('api', 'info', stream).info({ port: 3000 }, 'listening');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', service: 'api', port: 3000, msg: 'listening' }),
    ]);
    expect(new Date(lines[0].time).toISOString()).toBe(lines[0].time);
  });

  it('adds the request id, the actor and the workflow id inside a request', () => {
    const { lines, stream } = capture();
    const logger = createLogger('api', 'info', stream);
    let actor: string | undefined;
    const context = new LogContext('req-1', () => actor);
    runWithLogContext(context, () => {
      logger.info('before login');
      actor = 'coordinator';
      noteWorkflowId('enterprise/91500000MA5U7XXXX1');
      noteWorkflowId('enterprise/other'); // the first one the request touched stays
      logger.info('after');
    });
    logger.info('outside');
    expect(lines.map(({ requestId, actor, workflowId }) => ({ requestId, actor, workflowId }))).toEqual([
      { requestId: 'req-1', actor: undefined, workflowId: undefined },
      { requestId: 'req-1', actor: 'coordinator', workflowId: 'enterprise/91500000MA5U7XXXX1' },
      { requestId: undefined, actor: undefined, workflowId: undefined },
    ]);
  });

  it('keeps a sane caller request id and replaces anything else', () => {
    expect(requestIdFrom('abc-123.x')).toBe('abc-123.x');
    expect(requestIdFrom(['first', 'second'])).toBe('first');
    for (const bad of [undefined, '', 'has space', 'x'.repeat(129), 'new\nline']) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('filters by level', () => {
    const { lines, stream } = capture();
    const logger = createLogger('worker', 'warn', stream);
    logger.info('hidden');
    logger.warn('shown');
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });

  it('routes Nest messages with their context, start-up chatter at debug', () => {
    const { lines, stream } = capture();
    const nest = new NestJsonLogger(createLogger('api', 'info', stream));
    nest.log('Mapped {/api/tasks, GET} route', 'RouterExplorer');
    nest.log('bootstrap admin created', 'UsersService');
    nest.error('boom', 'Error: boom\n    at x', 'ApiExceptionFilter');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', context: 'UsersService', msg: 'bootstrap admin created' }),
      expect.objectContaining({
        level: 'error',
        context: 'ApiExceptionFilter',
        stack: 'Error: boom\n    at x',
        msg: 'boom',
      }),
    ]);
  });

  it('keeps the Temporal SDK metadata (workflow id, activity type) as fields', () => {
    const { lines, stream } = capture();
    const sdk = new TemporalJsonLogger(createLogger('worker', 'info', stream));
    sdk.info('Activity failed', {
      workflowId: 'enterprise/1',
      activityType: 'project',
      error: new Error('x'),
    });
    sdk.debug('hidden at info');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        workflowId: 'enterprise/1',
        activityType: 'project',
        err: expect.objectContaining({ message: 'x', type: 'Error' }),
        msg: 'Activity failed',
      }),
    ]);
  });
});
