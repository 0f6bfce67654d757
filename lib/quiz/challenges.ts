import { assemble, type RunExchange } from './exchange';
import type { ChallengeResult } from './public';
import type { Replay } from './replay';
import { applyRule } from './rules';
import type { Challenge } from './schema';

/**
 * Checks one run against every challenge of a lesson. A challenge passes when one exchange of the run passes its
 * rule twice: on what the learner's run received, and on what the same request gets from the sandbox when the
 * server sends it again. So a response edited in the page passes nothing its request would not pass.
 */
export async function checkRun(challenges: Challenge[], exchanges: RunExchange[], replay: Replay): Promise<ChallengeResult[]> {
  const received = exchanges.map((e) => ({ exchange: e, completion: assemble(e) }));
  const replays = new Map<number, Awaited<ReturnType<Replay>>>();
  const replayOf = async (i: number) => {
    if (!replays.has(i)) replays.set(i, await replay(exchanges[i]!.request));
    return replays.get(i)!;
  };

  const results: ChallengeResult[] = [];
  for (const challenge of challenges) {
    let message = exchanges.length ? 'no request in the run came back with a response.' : 'the run made no chat completion request.';
    let passed = false;
    for (const [i, { exchange, completion }] of received.entries()) {
      if (!completion) continue;
      const seen = applyRule(challenge.rule, exchange.request, completion);
      if (!seen.passed) {
        message = seen.message;
        continue;
      }
      const again = await replayOf(i);
      if ('error' in again) {
        message = `the server could not reproduce it: ${again.error}`;
        continue;
      }
      const verdict = applyRule(challenge.rule, exchange.request, again);
      if (!verdict.passed) {
        message = `the server sent the same request again and ${verdict.message} The recorded response does not match what this request produces.`;
        continue;
      }
      passed = true;
      message = seen.message;
      break;
    }
    results.push({ id: challenge.id, passed, message });
  }
  return results;
}
