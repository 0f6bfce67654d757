/** Which backend answered: the built-in sandbox (never GPT) or the upstream model server. */
export function BackendBadge({ backend }: { backend: 'sandbox' | 'upstream' | null }) {
  if (!backend) return null;
  const sandbox = backend === 'sandbox';
  return (
    <span
      data-testid="backend-badge"
      title={
        sandbox
          ? 'Answered by the built-in offline sandbox model: deterministic, free, not GPT.'
          : 'Answered by the upstream model server (real tokens, real cost).'
      }
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${
        sandbox
          ? 'bg-zinc-100 text-zinc-800 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-700'
          : 'bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800'
      }`}
    >
      <span
        aria-hidden="true"
        className={`size-1.5 rounded-full ${sandbox ? 'bg-zinc-500' : 'bg-amber-500'}`}
      />
      {sandbox ? 'Sandbox' : 'Upstream'}
    </span>
  );
}
