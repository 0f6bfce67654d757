// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Learners run this offline: nothing may phone home.
  poweredByHeader: false,
  reactStrictMode: true,
  // Lessons are read from disk by the server; make sure they ship with the server output.
  outputFileTracingIncludes: { '/**': ['./lessons/**/*'] },
};

export default nextConfig;
