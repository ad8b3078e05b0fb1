// ESLint with the ecosystem's defaults (typescript-eslint recommended); Prettier formats.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SOURCES = '**/*.{ts,tsx,mts,cts,js,mjs,cjs}';
// The database is reached through libs/persistence only: its repositories hold the SQL and apply
// the one scope rule, so no other code can forget it.
const DATABASE = {
  group: ['typeorm', 'typeorm/*', 'pg', 'pg/*', 'pg-*', '@nestjs/typeorm'],
  message: 'the database is reached through @hardtech/persistence (its repositories)',
};
// Workflows are reached through LifecycleClient and OperationsClient (libs/temporal), the one place
// that names their ids, Updates, queries and signals. The SDK's error classes stay importable.
const TEMPORAL_CLIENT = {
  name: '@temporalio/client',
  importNames: ['Client', 'Connection', 'WorkflowClient', 'ScheduleClient', 'WorkflowHandle'],
  message: 'workflows are reached through LifecycleClient / OperationsClient (@hardtech/temporal)',
};

// antd's icons are images named in English ("save", "down"): the web takes them from
// apps/web/src/components/icons.tsx, decorative unless named from the locale files.
const ANT_ICONS = {
  name: '@ant-design/icons',
  message: 'import icons from components/icons.tsx (aria-hidden, or named in the page’s language)',
};
const ANT_POPCONFIRM = {
  name: 'antd',
  importNames: ['Popconfirm'],
  message: 'import Popconfirm from components/controlLabels.tsx (its icon decorative)',
};

// apps/ and libs/ read of workflows/ only the statechart's public description (its task definitions
// and the chart the UI draws); the pure rules they share with the workflow live in libs/domain.
// The same fence for a relative path out of apps/ or libs/ into the repository's workflows/ (no
// directory of apps/ or libs/ is called workflows).
const WORKFLOW_INTERNALS_MESSAGE =
  'workflows/ is read through @hardtech/workflows/lifecycle/definition; shared rules live in @hardtech/domain';
const WORKFLOW_INTERNALS = {
  regex: '^@hardtech/workflows(?!/lifecycle/definition$)(/.*)?$',
  message: WORKFLOW_INTERNALS_MESSAGE,
};
const WORKFLOW_INTERNALS_RELATIVE = {
  regex: '^(\\.\\./)+workflows(?!/lifecycle/definition$)(/.*)?$',
  message: WORKFLOW_INTERNALS_MESSAGE,
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      '.tools/**',
      'coverage/**',
      'apps/web/dist/**',
      'artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
        AbortSignal: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: {
      // Workflow payloads and form data are JSON of a shape checked at run time.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  // Fences (each file gets the last matching block's list, so every block lists all its fences).
  {
    files: [SOURCES],
    ignores: ['libs/persistence/**', 'libs/temporal/**', 'test/**', 'bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [DATABASE, WORKFLOW_INTERNALS, WORKFLOW_INTERNALS_RELATIVE], paths: [TEMPORAL_CLIENT] },
      ],
    },
  },
  {
    files: ['apps/web/src/**'],
    ignores: ['apps/web/src/components/icons.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [DATABASE, WORKFLOW_INTERNALS, WORKFLOW_INTERNALS_RELATIVE],
          paths: [TEMPORAL_CLIENT, ANT_ICONS, ANT_POPCONFIRM],
        },
      ],
    },
  },
  {
    // antd's message drew its icons as images named in English ("check-circle 已保存").
    files: ['apps/web/src/**'],
    ignores: ['apps/web/src/components/controlLabels.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='App'][property.name='useApp']",
          message: 'use useMessage() from components/controlLabels.tsx (its icons decorative)',
        },
      ],
    },
  },
  {
    files: ['libs/persistence/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [WORKFLOW_INTERNALS, WORKFLOW_INTERNALS_RELATIVE], paths: [TEMPORAL_CLIENT] },
      ],
    },
  },
  {
    files: ['libs/temporal/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [DATABASE, WORKFLOW_INTERNALS, WORKFLOW_INTERNALS_RELATIVE] },
      ],
    },
  },
  {
    // Tests and the bench drive workflows with a client of their own (fixtures, recorded histories,
    // the engine's floor). The database exceptions read or break it on purpose: the helper that
    // checks rows, the audit tests that connect as other roles to prove the log append-only, the
    // helper that migrates a scratch database as an upgraded installation (the keyed chain, the
    // 审批单's serial), the one that gives
    // `npm start` a scratch database left by an earlier stack, and the helper that keeps the
    // inbox's statements for EXPLAIN (the bench, test/serial/inbox-plan.test.ts).
    files: ['test/**', 'bench/**'],
    ignores: [
      'test/support/db.ts',
      'test/audit/audit-log.test.ts',
      'test/support/scratch-database.ts',
      'test/serial/audit-tamper.test.ts',
      'test/ops/start-database.test.ts',
      'test/support/list-statements.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [DATABASE] }] },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no I/O, no host modules.
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'net', 'child_process'],
              message: 'no I/O in workflows',
            },
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'pg',
                '@temporalio/client',
                '@temporalio/worker',
                '@temporalio/activity',
              ],
              message: 'workflows import only pure modules',
            },
            {
              group: [
                '@hardtech/persistence',
                '@hardtech/persistence/*',
                '@hardtech/activities',
                '@hardtech/activities/*',
                '@hardtech/config',
                '@hardtech/config/*',
                '@hardtech/observability',
                '@hardtech/observability/*',
              ],
              message: 'workflows import only pure modules',
            },
            {
              // The same, reached by a relative path out of workflows/.
              regex: '^(\\.\\./)+(apps|activities|libs/(persistence|config|observability))(/.*)?$',
              message: 'workflows import only pure modules',
            },
            {
              regex:
                '^(\\.\\./)+libs/temporal(/src)?(/(index|temporal-client\\.module|connection-options|failures|log-context\\.interceptor))?$',
              message: 'client-side code',
            },
            {
              group: [
                '@hardtech/temporal/temporal-client.module',
                '@hardtech/temporal/connection-options',
                '@hardtech/temporal/failures',
                '@hardtech/temporal/log-context.interceptor',
              ],
              message: 'client-side code',
            },
          ],
          paths: [
            {
              name: '@hardtech/temporal',
              message: 'import @hardtech/temporal/lifecycle.contract or /search-attributes',
            },
          ],
        },
      ],
    },
  },
);
