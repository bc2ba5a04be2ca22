import { DEFAULT_RUNTIME_CONFIG, loadRuntimeConfig, parseRuntimeConfig } from './runtime-config';

describe('runtime config', () => {
  it('keeps a well-formed endpoint and deadline, without a trailing slash', () => {
    expect(
      parseRuntimeConfig({ apiBaseUrl: 'https://armonik.example/', callTimeoutMs: 5000 }),
    ).toEqual({
      apiBaseUrl: 'https://armonik.example',
      callTimeoutMs: 5000,
    });
  });

  it.each([null, 'text', 42, { apiBaseUrl: 3, callTimeoutMs: -1 }, { callTimeoutMs: Number.NaN }])(
    'falls back to same-origin defaults for %p',
    (raw) => {
      const parsed = parseRuntimeConfig(raw);
      expect(parsed.callTimeoutMs).toBe(DEFAULT_RUNTIME_CONFIG.callTimeoutMs);
      expect(parsed.apiBaseUrl).toBe('');
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

  it('reads the endpoint from config.json', async () => {
    const ok = jest.fn().mockResolvedValue({
      ok: true,
      json: () => Promise.resolve({ apiBaseUrl: 'http://c:5001' }),
    });
    await expect(loadRuntimeConfig(ok as unknown as typeof fetch)).resolves.toEqual({
      apiBaseUrl: 'http://c:5001',
      callTimeoutMs: DEFAULT_RUNTIME_CONFIG.callTimeoutMs,
    });
  });
});
