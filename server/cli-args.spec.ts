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
  it.each([
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
