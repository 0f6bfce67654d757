// @ts-check

/**
 * Security headers on every page. The runner frame (`/runner`) sets its own, stricter CSP in its route, so the page
 * policy leaves it out: two CSPs would both apply. Next's static pages carry inline bootstrap scripts, hence
 * 'unsafe-inline' for scripts (nonces would make every page dynamic). Monaco creates its workers from blob: URLs.
 */
const pageCsp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const common = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

/**
 * API answers are data, never a page: nothing may frame them (a JSON error page in a frame is a clickjacking and
 * data-leak aid), and if a browser ever renders one, it may load nothing.
 */
const apiHeaders = [
  { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
  { key: 'X-Frame-Options', value: 'DENY' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Learners run this offline: nothing may phone home.
  poweredByHeader: false,
  // A second build or dev server beside the main one (several engineers on one checkout) sets its own folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  // Lessons are read from disk by the server; make sure they ship with the server output.
  outputFileTracingIncludes: { '/**': ['./lessons/**/*'] },
  async headers() {
    return [
      { source: '/:path*', headers: common },
      // Not on /runner: its route sends `no-referrer` (learner code runs there), and a header set here would replace it.
      { source: '/((?!runner).*)', headers: [{ key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' }] },
      { source: '/api/:path*', headers: apiHeaders },
      {
        source: '/((?!runner|api/).*)',
        headers: [
          { key: 'Content-Security-Policy', value: pageCsp },
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
        ],
      },
    ];
  },
};

export default nextConfig;
