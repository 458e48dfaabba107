/** @type {import('next').NextConfig} */
const nextConfig = {
  // A lockfile in a parent folder would otherwise make Next pick the wrong root.
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
  serverExternalPackages: ["@node-rs/jieba", "@node-rs/argon2", "better-sqlite3", "sharp"],
  // Lets the browser tests and benchmarks build beside a developer's own build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // The reader's scripts (scripts/islands.mjs) carry a content hash in their names, like Next's
  // own chunks: a browser keeps them. (Brotli clients get the same from server/static-brotli.ts.)
  async headers() {
    return [{ source: "/islands/:file*", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] }];
  },
};

export default nextConfig;
