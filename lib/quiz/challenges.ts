import { assemble, type RunExchange } from './exchange';
import type { ChallengeResult } from './public';
import type { Replay } from './replay';
import { evaluate, viewOf, type ExchangeView, type RunOutcome, type RunVerdict } from './run';
import type { Challenge } from './schema';

/** The request header value a run carries for each drill the learner can pick (`flaky` fails with 429, then recovers). */
const DRILL_SEEN: Record<string, string> = { flaky: '429' };

/** Both verdicts hold, and for a rule about one exchange, on the same exchange. */
function agree(seen: RunVerdict, again: RunVerdict): boolean {
  if (!again.passed) return false;
  if (!seen.exchanges) return true;
  return seen.exchanges.some((i) => again.exchanges?.includes(i));
}

/**
 * Checks one run against every challenge of a lesson. A challenge passes when its rule holds twice: on what the
 * learner's run received, and on what the same requests get from the sandbox when the server sends them again (with
 * the same drills). So a response edited in the page passes nothing its requests would not pass.
 */
export async function checkRun(
  challenges: Challenge[],
  exchanges: RunExchange[],
  replay: Replay,
  outcome?: RunOutcome,
): Promise<ChallengeResult[]> {
  const views = exchanges.map((e) => viewOf(e, assemble(e)));
  let replayed: Promise<ExchangeView[]> | undefined;
  const replayRun = () =>
    (replayed ??= (async () => {
      const out: ExchangeView[] = [];
      // One at a time, in order: a later request may depend on state an earlier one left (a warm prompt cache).
      for (const view of views) {
        // A Responses call that continues a stored response can't be sent again here: that response lives under
        // the learner's own key or token, which the server's replay does not hold. It is judged as recorded.
        if (view.endpoint === 'responses' && view.request.previous_response_id) {
          out.push(view);
          continue;
        }
        const again = await replay(view.request, view.drill, view.endpoint);
        // A response id is the run's own, never reproduced: the replay keeps the recorded one, so a later call's
        // previous_response_id still points at it.
        const id = view.received?.completion.id;
        if (again.received && id !== undefined)
          again.received.completion = { ...again.received.completion, id };
        out.push({
          ...view,
          status: again.status,
          received: again.received,
          ...(again.error ? { error: again.error } : {}),
        });
      }
      return out;
    })());

  const results: ChallengeResult[] = [];
  for (const challenge of challenges) {
    const drill = challenge.drill && (DRILL_SEEN[challenge.drill] ?? challenge.drill);
    if (drill && !views.some((v) => v.drill === drill)) {
      results.push({
        id: challenge.id,
        passed: false,
        message: `this challenge needs the "${challenge.drill}" error drill: pick it in the output panel, then run again.`,
      });
      continue;
    }
    const seen = evaluate(challenge.rule, views, outcome);
    if (!seen.passed) {
      results.push({ id: challenge.id, passed: false, message: seen.message });
      continue;
    }
    const replay = await replayRun();
    const again = evaluate(challenge.rule, replay, outcome);
    const unreproduced = replay.find((v, i) => v.error && views[i]!.status === 200);
    results.push(
      agree(seen, again)
        ? { id: challenge.id, passed: true, message: seen.message }
        : {
            id: challenge.id,
            passed: false,
            message: unreproduced
              ? `the server could not reproduce it: ${unreproduced.error}`
              : `the server sent the same request again and ${again.passed ? 'a different request met the rule.' : again.message} The recorded response does not match what this request produces.`,
          },
    );
  }
  return results;
}
