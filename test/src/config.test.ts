import { describe, expect, it } from 'vitest';
import { loadConfig, parsePublicBaseUrl, parseTrustProxy } from '../../src/config.ts';

describe('loadConfig: PUBLIC_BASE_URL and TRUST_PROXY', () => {
  it('takes an http(s) origin (with an optional path prefix) and drops the trailing slash', () => {
    expect(parsePublicBaseUrl('https://icc.example.nhs.uk/')).toBe('https://icc.example.nhs.uk');
    expect(parsePublicBaseUrl(' https://nhs.example/icc/ ')).toBe('https://nhs.example/icc');
    expect(parsePublicBaseUrl(undefined)).toBeUndefined();
    expect(parsePublicBaseUrl('')).toBeUndefined();
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['icc.example.nhs.uk', 'ftp://icc.example', 'https://icc.example/?a=1', 'https://user:pw@icc.example']) {
      expect(() => parsePublicBaseUrl(bad), bad).toThrow(/PUBLIC_BASE_URL/);
    }
  });

  it('reads TRUST_PROXY as off, on, a hop count or Express proxy addresses', () => {
    expect(parseTrustProxy(undefined)).toBeUndefined();
    expect(parseTrustProxy('0')).toBeUndefined();
    expect(parseTrustProxy('false')).toBeUndefined();
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://icc.example.nhs.uk', TRUST_PROXY: '1' }).publicUrl).toEqual({ baseUrl: 'https://icc.example.nhs.uk', trustProxy: 1 });
    expect(loadConfig({}).publicUrl).toEqual({});
  });
});
