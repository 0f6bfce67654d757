import type { Metadata, Viewport } from 'next';
import { PageLink } from '@/components/ui/page-link';
import { CourseSearch } from '@/components/search/course-search';
import { env } from '@/lib/env';
import './globals.css';

const publicUrl = env().PUBLIC_URL;
const description =
  'An interactive course on the OpenAI API: read a lesson, run its example against an honest offline sandbox model or your own key, and check your understanding.';

export const metadata: Metadata = {
  title: { default: 'Tokenwise: learn the OpenAI API by running it', template: '%s · Tokenwise' },
  description,
  // A constant read at build time (never a request header), so every page stays static. Unset: localhost, which is
  // right for a laptop; a deployment sets PUBLIC_URL so shared links preview with its own address.
  metadataBase: new URL(publicUrl ?? `http://localhost:${env().PORT}`),
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '16x16 32x32 48x48' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
  },
  openGraph: {
    type: 'website',
    siteName: 'Tokenwise',
    description,
    images: [{ url: '/og.png', width: 1200, height: 630, alt: 'Tokenwise: learn the OpenAI API by running it' }],
  },
  twitter: { card: 'summary_large_image', images: ['/og.png'] },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-brand-700 focus:px-3 focus:py-2 focus:text-white"
        >
          Skip to content
        </a>
        <header className="sticky top-0 z-40 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
          <nav aria-label="Site" className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4 sm:gap-6 sm:px-6">
            <PageLink href="/" className="flex items-center gap-2 font-semibold tracking-tight">
              <span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-brand-700 text-sm text-white">
                Tw
              </span>
              <span className="max-sm:sr-only">Tokenwise</span>
            </PageLink>
            <PageLink href="/" className="text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">
              Course
            </PageLink>
            <PageLink href="/playground" className="text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">
              Playground
            </PageLink>
            <PageLink href="/settings" className="text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">
              Settings
            </PageLink>
            <CourseSearch />
          </nav>
        </header>
        <main id="main" tabIndex={-1} className="outline-none">
          {children}
        </main>
        <footer className="mt-16 border-t border-zinc-200 py-8 text-center text-sm text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          Tokenwise is an independent course. Runs without a key use the built-in sandbox model, not GPT.
        </footer>
      </body>
    </html>
  );
}
