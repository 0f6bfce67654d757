import { clientAddress, json, parseOr400, respond } from '@/lib/http';
import { listForModeration, moderationQuerySchema, requireAdmin } from '@/lib/notes/admin';

export const dynamic = 'force-dynamic';

/** Notes for moderation: `?filter=reported|hidden|all&before=<id>&limit=<1..100>`, newest first. */
export function GET(request: Request) {
  return respond(async () => {
    await requireAdmin(request.headers, clientAddress(request.headers));
    const query = parseOr400(
      moderationQuerySchema,
      Object.fromEntries(new URL(request.url).searchParams),
      'invalid_query',
    );
    return json(await listForModeration(query));
  });
}
