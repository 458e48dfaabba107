/** @type {import('next').NextConfig} */
const nextConfig = {
  // A lockfile in a parent folder would otherwise make Next pick the wrong root.
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
  serverExternalPackages: ["@node-rs/jieba", "@node-rs/argon2", "better-sqlite3", "sharp"],
  // Lets the browser tests and benchmarks build beside a developer's own build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Reader pages are kept in memory by scripts/serve.ts; a second in-memory copy in Next only
  // costs memory (its ISR entries stay on disk).
  cacheMaxMemorySize: 0,
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
