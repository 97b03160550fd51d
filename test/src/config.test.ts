import { describe, expect, it } from 'vitest';
import { isLoopback, loadConfig, parsePublicBaseUrl, parseTrustProxy } from '../../src/config.ts';

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


describe('loadConfig', () => {
  it('listens on 127.0.0.1 unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('refuses to start with demo tokens on an address other machines can reach', () => {
    expect(() => loadConfig({ ICC_DEMO_TOKENS: '1', HOST: '0.0.0.0' })).toThrow(/loopback address/);
    expect(() => loadConfig({ ICC_DEMO_TOKENS: '1', HOST: '192.168.1.20' })).toThrow(/not HOST=192\.168\.1\.20/);
    expect(loadConfig({ ICC_DEMO_TOKENS: '1' })).toMatchObject({ host: '127.0.0.1', demoTokens: true });
    expect(loadConfig({ ICC_DEMO_TOKENS: '1', HOST: '::1' }).demoTokens).toBe(true);
  });

  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) expect(isLoopback(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.1', 'icc.example.nhs.uk', '127.0.0.1.example.com']) expect(isLoopback(host), host).toBe(false);
  });
});
