import { describe, expect, it } from 'vitest';
import { preflightResponse } from '@/lib/proxy/http';
import { formatParam } from '@/lib/proxy/zod-errors';
import { maskKey } from '@/lib/errors';

describe('preflightResponse', () => {
  it('echoes well-formed requested headers and drops anything else', () => {
    const request = new Request('http://x/api/v1/chat/completions', {
      method: 'OPTIONS',
      headers: {
        'access-control-request-headers': 'Authorization, X-Stainless-Lang, bad header!, content-type',
      },
    });
    const allowed = preflightResponse(request, 'POST, OPTIONS')
      .headers.get('access-control-allow-headers')!
      .split(', ');
    expect(allowed).toEqual(['authorization', 'content-type', 'x-stainless-lang']);
  });
});

describe('formatParam and maskKey', () => {
  it('name parameters as the API does', () => {
    expect(formatParam(['messages', 0, 'content', 1, 'text'])).toBe('messages[0].content[1].text');
    expect(formatParam(['temperature'])).toBe('temperature');
  });

  it('show only the ends of a key', () => {
    expect(maskKey('sk-abc1234567890wxyz')).toBe('sk-abc1*****wxyz');
    expect(maskKey('short')).toBe('*****');
  });
});
