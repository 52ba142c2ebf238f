import path from 'node:path'

/** Where `remix build` put the server bundle and browser assets (see remix.config.js). */
export function buildPaths(buildDir = process.env.RIPPLE_BUILD_DIR) {
  return buildDir
    ? { serverBuild: path.resolve(buildDir, 'server/index.js'), publicDir: path.resolve(buildDir, 'public') }
    : { serverBuild: path.resolve('build/index.js'), publicDir: path.resolve('public') }
}
