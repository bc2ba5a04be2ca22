import { UsageError, parseArgs } from './cli-args';

describe('command line', () => {
  it('parses every flag, in both --flag value and --flag=value forms', () => {
    expect(
      parseArgs([
        '--port',
        '0',
        '--host=0.0.0.0',
        '--seed',
        '7',
        '--sessions',
        '10',
        '--tasks=20',
        '--no-simulation',
        '--static',
        'dist/x',
        '--cors-origins',
        'http://a, http://b',
        '--user',
        'alice',
        '--permissions',
        'Sessions:GetSession,Tasks:ListTasks',
      ]),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      seed: 7,
      sessions: 10,
      tasks: 20,
      simulation: false,
      staticDir: 'dist/x',
      corsOrigins: ['http://a', 'http://b'],
      username: 'alice',
      permissions: ['Sessions:GetSession', 'Tasks:ListTasks'],
    });
  });
  it('keeps the keywords of --permissions and --cors-origins', () => {
    expect(parseArgs(['--permissions', 'read-only', '--cors-origins', '*'])).toEqual({
      permissions: 'read-only',
      corsOrigins: '*',
    });
    expect(parseArgs([])).toEqual({});
    expect(parseArgs(['--help'])).toBe('help');
  });
  it('parses the limit flags, sizes with a unit', () => {
    expect(
      parseArgs([
        '--max-page-size',
        '500',
        '--max-filter-conditions=50',
        '--max-id-length',
        '64',
        '--max-string-length',
        '256',
        '--max-items-per-call',
        '100',
        '--max-result-data',
        '64MiB',
        '--max-sessions',
        '1000',
        '--max-created-rows',
        '5000',
      ]),
    ).toEqual({
      limits: {
        maxPageSize: 500,
        maxFilterConditions: 50,
        maxIdLength: 64,
        maxStringLength: 256,
        maxItemsPerCall: 100,
        maxResultDataBytes: 64 * 2 ** 20,
        maxSessions: 1000,
        maxCreatedRows: 5000,
      },
    });
    expect(parseArgs(['--max-result-data', '4096'])).toEqual({
      limits: { maxResultDataBytes: 4096 },
    });
  });
  it.each([
    [['--max-page-size', 'many']],
    [['--max-result-data', '12 parsecs']],
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--tasks', '-1']],
    [['--seed']],
    [['--bogus', '1']],
    [['stray']],
    [['--permissions', 'Sessions']],
  ])('refuses %j', (argv) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
  });
});
