import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'public/generated/**', 'next-env.d.ts'],
  },
  {
    // lib/ is the non-UI layer: pages and components build on it, never the other way round.
    files: ['lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*', '@/app', '**/app/*'], message: 'lib/ must not import from app/: move the shared code into lib/.' },
            { group: ['@/components/*', '@/components', '**/components/*'], message: 'lib/ must not import from components/.' },
          ],
        },
      ],
    },
  },
];

export default config;
