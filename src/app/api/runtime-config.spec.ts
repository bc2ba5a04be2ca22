import { DEFAULT_RUNTIME_CONFIG, loadRuntimeConfig, parseRuntimeConfig } from './runtime-config';

const answering = (body: unknown) =>
  jest.fn().mockResolvedValue({ ok: true, json: () => Promise.resolve(body) });

describe('runtime config', () => {
  it('keeps a well-formed endpoint, deadline and gRPC endpoint, without trailing slashes', () => {
    expect(
      parseRuntimeConfig({
        apiBaseUrl: 'https://armonik.example/',
        callTimeoutMs: 5000,
        grpcEndpoint: 'https://armonik.example:5001/',
      }),
    ).toEqual({
      apiBaseUrl: 'https://armonik.example',
      callTimeoutMs: 5000,
      grpcEndpoint: 'https://armonik.example:5001',
    });
  });

  it.each([null, 'text', 42, { apiBaseUrl: 3, callTimeoutMs: -1 }, { callTimeoutMs: Number.NaN }])(
    'falls back to same-origin defaults for %p',
    (raw) => {
      const parsed = parseRuntimeConfig(raw);
      expect(parsed.callTimeoutMs).toBe(DEFAULT_RUNTIME_CONFIG.callTimeoutMs);
      expect(parsed.apiBaseUrl).toBe('');
      expect(parsed.grpcEndpoint).toBe('');
    },
  );

  it.each(['', 'localhost:5001', 'javascript:alert(1)', 'ftp://h', 42, { url: 'http://h' }])(
    'treats gRPC endpoint %p as unknown (only http and https URLs are kept)',
    (grpcEndpoint) => {
      expect(parseRuntimeConfig({ grpcEndpoint }).grpcEndpoint).toBe('');
    },
  );

  it('uses the defaults when config.json is missing or unreadable', async () => {
    const missing = jest.fn().mockResolvedValue({ ok: false });
    await expect(loadRuntimeConfig(missing as unknown as typeof fetch)).resolves.toBe(
      DEFAULT_RUNTIME_CONFIG,
    );
    const broken = jest.fn().mockRejectedValue(new Error('offline'));
    await expect(loadRuntimeConfig(broken as unknown as typeof fetch)).resolves.toBe(
      DEFAULT_RUNTIME_CONFIG,
    );
  });

  it('reads the endpoints from config.json', async () => {
    const ok = answering({ apiBaseUrl: 'http://c:5001', grpcEndpoint: 'http://c:5001' });
    await expect(loadRuntimeConfig(ok as unknown as typeof fetch)).resolves.toEqual({
      apiBaseUrl: 'http://c:5001',
      callTimeoutMs: DEFAULT_RUNTIME_CONFIG.callTimeoutMs,
      grpcEndpoint: 'http://c:5001',
    });
  });

  it('fetches config.json beside index.html: under the base href of a sub-path build', async () => {
    const atRoot = answering({});
    await loadRuntimeConfig(atRoot, 'https://armonik.example/');
    expect(String(atRoot.mock.calls[0][0])).toBe('https://armonik.example/config.json');

    const underAdmin = answering({});
    await loadRuntimeConfig(underAdmin, 'https://armonik.example/admin/');
    expect(String(underAdmin.mock.calls[0][0])).toBe('https://armonik.example/admin/config.json');
  });

  it('by default resolves config.json against the document base URI', async () => {
    const base = document.createElement('base');
    base.href = 'http://console.test/admin/';
    document.head.append(base);
    try {
      const ok = answering({});
      await loadRuntimeConfig(ok);
      expect(String(ok.mock.calls[0][0])).toBe('http://console.test/admin/config.json');
    } finally {
      base.remove();
    }
  });
});
