import type { Metadata } from 'next';
import { SettingsPanel } from './settings-panel';

export const metadata: Metadata = {
  title: 'Settings',
  description:
    'Bring your own OpenAI key for this tab, and see which backend answers runs and the limits in force.',
};

export default function SettingsPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Settings</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        Without a key, every run goes to the built-in sandbox model: free, offline and deterministic, and
        never GPT. With your own key, runs go to a real model and cost real money on your account.
      </p>
      <SettingsPanel />
    </div>
  );
}
