import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

describe('parseEnv', () => {
  it('fills in defaults for an empty environment', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.OPENAI_BASE_URL).toBe('https://api.openai.com/v1');
    expect(env.LIVE_RUNS_FOR_GUESTS).toBe(false);
    expect(env.OPENAI_API_KEY).toBeUndefined();
    // No reverse proxy is trusted unless the operator says so: X-Forwarded-For is the client's to write.
    expect(env.TRUSTED_PROXY_HOPS).toBe(0);
  });

  it('takes PUBLIC_URL only as a URL', () => {
    expect(parseEnv({ PUBLIC_URL: 'https://learn.example.org' }).PUBLIC_URL).toBe('https://learn.example.org');
    expect(() => parseEnv({ PUBLIC_URL: 'learn.example.org' })).toThrow(/PUBLIC_URL/);
  });

  it('reads TRUSTED_PROXY_HOPS and refuses values outside 0 to 10', () => {
    expect(parseEnv({ TRUSTED_PROXY_HOPS: '2' }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: '-1' })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: '11' })).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ PORT: '', OPENAI_API_KEY: '' }).OPENAI_API_KEY).toBeUndefined();
  });

  it('names the variable and what it should be when a value is invalid', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT: .*port the app serves on/);
    expect(() => parseEnv({ OPENAI_BASE_URL: 'not a url' })).toThrow(/OPENAI_BASE_URL/);
    expect(() => parseEnv({ LIVE_RUNS_FOR_GUESTS: 'maybe' })).toThrow(/LIVE_RUNS_FOR_GUESTS/);
  });

  it('reads flags and numbers', () => {
    const env = parseEnv({ LIVE_RUNS_FOR_GUESTS: '1', PORT: '8080' });
    expect(env.LIVE_RUNS_FOR_GUESTS).toBe(true);
    expect(env.PORT).toBe(8080);
  });
});
