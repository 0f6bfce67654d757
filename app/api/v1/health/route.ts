export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * `GET /api/v1/health`: a liveness probe for load balancers, and the framework's floor in `bench/proxy.mjs` (the
 * smallest JSON route this app can serve).
 */
export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
