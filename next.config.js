/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'proper-lockfile', 'bcryptjs', 'rate-limiter-flexible', 'postgres', 'nodemailer'],
  poweredByHeader: false,
  // Several checkouts' worth of builds can live side by side (parallel e2e runs); default .next.
  distDir: process.env.TENURE_DIST_DIR || '.next',
  typescript: { ignoreBuildErrors: true }, // `npm test` type-checks once with tsc; the build need not repeat it
  // The API's batch endpoints are /api/v1/accounts:batch and /api/v1/stakeholders:batch (Google AIP style);
  // a ':' in a folder name breaks checkouts on Windows, so the handlers live under /api/v1/batch/*.
  async rewrites() {
    return [
      { source: '/api/v1/accounts\\:batch', destination: '/api/v1/batch/accounts' },
      { source: '/api/v1/stakeholders\\:batch', destination: '/api/v1/batch/stakeholders' },
    ];
  },
};

module.exports = nextConfig;
