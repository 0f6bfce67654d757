import { getProxy } from '@/lib/proxy';
import { unknownRoute } from '@/lib/proxy/unknown-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Every `/api/v1` path no other route serves (Next matches specific routes before this catch-all): a 404 in
 * OpenAI's envelope, whatever the method. A preflight is answered, so the runner's SDK can read that 404.
 */
export function OPTIONS(request: Request): Response {
  return getProxy().preflight(request, 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
}

export {
  unknownRoute as GET,
  unknownRoute as POST,
  unknownRoute as PUT,
  unknownRoute as PATCH,
  unknownRoute as DELETE,
  unknownRoute as HEAD,
};
