import { create } from '@bufbuild/protobuf';

import { SessionRawSchema } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { connectInfo, hostOf, quote, shellQuote, snippet } from './connect-snippets';

describe('connect snippets', () => {
  const session = create(SessionRawSchema, {
    sessionId: 'abc-123',
    partitionIds: ['default', 'gpu'],
    options: {
      partitionId: 'default',
      priority: 2,
      maxRetries: 3,
      maxDuration: { seconds: 3600n, nanos: 0 },
    },
  });

  it('lists the defaults a client inherits', () => {
    expect(connectInfo(session, 'http://localhost:5001').defaults).toEqual([
      ['partition_id', 'default'],
      ['priority', '2'],
      ['max_retries', '3'],
      ['max_duration', '1h 00m'],
    ]);
  });

  it('keeps a hostile id inside its string literal in every language', () => {
    const hostile = 'x"; rm -rf / #\'\n\u2028é';
    expect(quote(hostile)).toBe('"x\\"; rm -rf / #\'\\u000a\\u2028\\u00e9"');
    expect(JSON.parse(quote(hostile))).toBe(hostile);
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
    const info = connectInfo(create(SessionRawSchema, { sessionId: hostile }), 'http://h:1');
    for (const language of ['grpcurl', 'python', 'csharp'] as const) {
      const text = snippet(language, info);
      expect(text).not.toContain('\u2028');
      expect(text).not.toContain('x"; rm');
    }
  });

  it('targets the endpoint host, in plaintext unless it is https', () => {
    expect(hostOf('http://localhost:5001')).toEqual({ host: 'localhost:5001', tls: false });
    expect(hostOf('https://armonik.example')).toEqual({ host: 'armonik.example:443', tls: true });
    const text = snippet('grpcurl', connectInfo(session, 'http://localhost:5001'));
    expect(text).toContain('grpcurl -plaintext -d \'{"session_id": "abc-123"');
    expect(text).toContain("'localhost:5001' armonik.api.grpc.v1.tasks.Tasks/SubmitTasks");
    expect(snippet('python', connectInfo(session, 'https://a.b'))).toContain(
      'grpc.secure_channel("a.b:443"',
    );
  });
});

describe('connect snippets without a known gRPC endpoint', () => {
  it('put the "ask your administrator" placeholder where the address goes, never a guess', () => {
    const info = connectInfo(create(SessionRawSchema, { sessionId: 's' }), '');
    expect(snippet('grpcurl', info)).toContain(
      "'<gRPC endpoint: ask your administrator>' armonik.api.grpc.v1.tasks.Tasks/SubmitTasks",
    );
    expect(snippet('python', info)).toContain(
      'grpc.insecure_channel("<gRPC endpoint: ask your administrator>")',
    );
    expect(snippet('csharp', info)).toContain(
      'Endpoint = "<gRPC endpoint: ask your administrator>"',
    );
  });
});

describe('connect snippet comments', () => {
  it('are translated and cannot be broken out of by a line break in a value', () => {
    const session = create(SessionRawSchema, {
      sessionId: 's',
      options: { partitionId: 'p\u2028System.Exit(1);\nrm -rf /' },
    });
    const words = {
      inherit: 'Hérite :',
      createResults: 'Créer',
      submit: 'Soumettre',
      unknownEndpoint: '<adresse>',
    };
    for (const language of ['grpcurl', 'python', 'csharp'] as const) {
      const text = snippet(language, connectInfo(session, 'http://h:1'), words);
      expect(text).toContain('Hérite : partition_id=p System.Exit(1); rm -rf /');
      expect(text).not.toContain('\u2028');
    }
  });
});
