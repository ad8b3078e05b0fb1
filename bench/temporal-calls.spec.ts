import { CompletionCost } from './cost';
import { callLines } from './report';
import { callsBetween, parseCalls } from './temporal-calls';

// The series as the dev server and the worker's SDK export them (abridged, labels as they come).
const server = (update: number, polls: number) =>
  [
    '# HELP service_requests service_requests counter',
    '# TYPE service_requests counter',
    `service_requests{namespace="default",operation="UpdateWorkflowExecution",service_name="frontend"} ${update}`,
    `service_requests{namespace="default",operation="PollWorkflowTaskQueue",service_name="frontend"} ${polls}`,
    // The history and matching services' own handlers are the server talking to itself: not a client's call.
    `service_requests{namespace="default",operation="RecordWorkflowTaskStarted",service_name="history"} ${update * 5}`,
    `service_requests{namespace="default",operation="AddWorkflowTask",service_name="matching"} ${update * 7}`,
    `service_requests{namespace="temporal_system",operation="PollWorkflowTaskQueue",service_name="frontend"} 50`,
    `persistence_requests{namespace="default",operation="UpdateWorkflowExecution",service_name="history"} ${update}`,
    `persistence_requests{namespace="default",operation="GetNamespace",service_name="frontend"} 4`,
    `persistence_requests{namespace="system",operation="UpdateShard",service_name="history"} 4`,
    `visibility_persistence_requests{operation="UpsertWorkflowExecution",service_name="history",visibility_plugin_name="sqlite"} ${update}`,
    `task_requests{namespace="default",operation="VisibilityTaskUpsertExecution",service_name="history",task_type="VisibilityTaskUpsertExecution"} ${update}`,
    `service_errors_invalid_argument{operation="UpdateWorkflowExecution",service_name="frontend"} 3`,
  ].join('\n');

const worker = (hits: number) =>
  [
    'hardtech_worker_sdk_metrics_up 1',
    `temporal_long_request_total{namespace="default",operation="PollWorkflowTaskQueue",task_queue="q"} ${hits + 1}`,
    `temporal_request_total{namespace="default",operation="RespondWorkflowTaskCompleted",task_queue="q"} ${hits}`,
    `temporal_request_total{namespace="default",operation="respond_activity_task_completed",task_queue="q"} 1`,
    `temporal_sticky_cache_hit_total{namespace="default",task_queue="q",workflow_type="x"} ${hits}`,
    `temporal_sticky_cache_miss_total{namespace="default",task_queue="q",workflow_type="x"} 2`,
    `temporal_workflow_task_execution_latency_count{namespace="default",task_queue="q"} ${hits}`,
    `temporal_workflow_task_execution_latency_sum{namespace="default",task_queue="q"} 99`,
    `temporal_num_pollers{poller_type="workflow_task"} 5`,
  ].join('\n');

describe('gRPC calls to Temporal per completion', () => {
  it("counts the frontend's calls by method, the worker's calls and task counters, and nothing else", () => {
    const s = parseCalls(server(10, 30), 'server');
    parseCalls(worker(8), 'worker', s);
    expect(Object.fromEntries(s)).toEqual({
      'server UpdateWorkflowExecution': 10,
      'server PollWorkflowTaskQueue': 30,
      'storage UpdateWorkflowExecution': 10,
      'storage visibility UpsertWorkflowExecution': 10,
      'tasks VisibilityTaskUpsertExecution': 10,
      'worker PollWorkflowTaskQueue': 9,
      'worker RespondWorkflowTaskCompleted': 8,
      'worker RespondActivityTaskCompleted': 1,
      'worker sticky_cache_hit': 8,
      'worker sticky_cache_miss': 2,
      'worker workflow_task_execution_latency_count': 8,
    });
  });

  it('divides what a phase added by its completions, sorted most frequent first, zeros left out', () => {
    const before = parseCalls(worker(8), 'worker', parseCalls(server(10, 30), 'server'));
    const after = parseCalls(worker(48), 'worker', parseCalls(server(30, 90), 'server'));
    const calls = callsBetween(before, after, 20);
    expect(calls.server).toEqual({ PollWorkflowTaskQueue: 3, UpdateWorkflowExecution: 1 });
    expect(Object.keys(calls.server)).toEqual(['PollWorkflowTaskQueue', 'UpdateWorkflowExecution']);
    expect(calls.serverTotal).toBe(4);
    expect(calls.storage).toEqual({ UpdateWorkflowExecution: 1, 'visibility UpsertWorkflowExecution': 1 });
    expect(calls.serverTasks).toEqual({ VisibilityTaskUpsertExecution: 1 });
    expect(calls.worker).toEqual({ PollWorkflowTaskQueue: 2, RespondWorkflowTaskCompleted: 2 });
    expect(calls.workerTasks).toEqual({ sticky_cache_hit: 2, workflow_task_execution_latency_count: 2 });
    expect(calls.units).toBe(20);
  });

  it('reports a table of calls by method beside the bare Update, and nothing without the figures', () => {
    const before = parseCalls(server(10, 30), 'server');
    const cost = {
      events: 9,
      calls: callsBetween(before, parseCalls(server(30, 90), 'server'), 20),
      histories: { runs: 4, meanEvents: 120, maxEvents: 130, meanBytes: 40000 },
    } as unknown as CompletionCost;
    const floor = callsBetween(before, parseCalls(server(20, 40), 'server'), 10);
    const text = callLines(cost, floor).join('\n');
    expect(text).toContain('| `PollWorkflowTaskQueue` | 3 | 1 |');
    expect(text).toContain('| `visibility UpsertWorkflowExecution` | 1 | 1 |');
    expect(text).toContain('| `UpdateWorkflowExecution` | 1 | 1 |');
    expect(text).toContain('4 against 2');
    expect(text).toContain('120 events long');
    expect(callLines({ events: 9 } as unknown as CompletionCost, floor)).toEqual([]);
  });
});
