import { ApiError } from '@/lib/errors';

/**
 * A dynamic route's params. Next decodes each segment; a segment that is not valid percent-encoding (`/%ff`) can't
 * be decoded, and such a path names nothing this app serves: a 404 in the envelope, not a 500.
 */
export async function routeParams<T>(params: Promise<T>, pathname: string): Promise<T> {
  try {
    return await params;
  } catch (error) {
    if (error instanceof URIError) throw notFoundPath(pathname);
    throw error;
  }
}

/** The 404 for a path that names nothing, e.g. one with a segment that is not valid percent-encoding. */
export function notFoundPath(pathname: string): ApiError {
  return new ApiError(404, `Nothing is served at ${pathname}.`, { code: 'not_found' });
}

/** A path segment decoded, or a 404 when it is not valid percent-encoding. */
export function decodeSegment(segment: string, pathname: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw notFoundPath(pathname);
  }
}
