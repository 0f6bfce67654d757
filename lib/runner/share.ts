import LZString from 'lz-string';
import { containsKey } from './keys';

/**
 * Share links carry the code in the URL fragment (`#code=…`, lz-string compressed): the fragment never reaches
 * the server, and the link works offline. Code holding a key is never encoded.
 */
export const SHARE_PARAM = 'code';
const MAX_SHARED_CHARS = 100_000;

export class KeyInCodeError extends Error {
  constructor() {
    super('The code contains something that looks like an API key; remove it before sharing.');
    this.name = 'KeyInCodeError';
  }
}

export function encodeShareFragment(code: string): string {
  if (containsKey(code)) throw new KeyInCodeError();
  return `${SHARE_PARAM}=${LZString.compressToEncodedURIComponent(code)}`;
}

/** The code in a `#code=…` fragment, or `null` if there is none or it does not decode. */
export function decodeShareFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const packed = params.get(SHARE_PARAM);
  if (!packed) return null;
  // URLSearchParams turns '+' into ' '; lz-string's URI alphabet uses '+'.
  const code = LZString.decompressFromEncodedURIComponent(packed.replace(/ /g, '+'));
  if (!code || code.length > MAX_SHARED_CHARS) return null;
  return code;
}
