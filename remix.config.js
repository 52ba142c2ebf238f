/**
 * Remix classic compiler configuration (Remix 2.17). RIPPLE_BUILD_DIR lets parallel test runs
 * build into their own folder; by default the server build goes to build/ and the browser
 * assets to public/build/.
 * @type {import('@remix-run/dev').AppConfig}
 */
const buildDir = process.env.RIPPLE_BUILD_DIR

export default {
  appDirectory: 'app',
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  serverBuildPath: buildDir ? `${buildDir}/server/index.js` : 'build/index.js',
  assetsBuildDirectory: buildDir ? `${buildDir}/public/build` : 'public/build',
  publicPath: '/build/',
  tailwind: true,
  postcss: true,
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}', '**/*.css'],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: false,
  },
}
