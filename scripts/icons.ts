/**
 * Renders the installable app's icons (public/icons/, listed in /manifest.webmanifest) from
 * public/favicon.svg. Run once when the logo changes: `npm run icons`; the PNGs are committed.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'

const logo = readFileSync(path.resolve('public/favicon.svg'), 'utf8')
const white = { r: 255, g: 255, b: 255, alpha: 1 }

/** The ring on white; a maskable icon keeps it inside the middle 80 % that every mask shows. */
async function render(size: number, file: string, { maskable = false } = {}) {
  const ring = Math.round(size * (maskable ? 0.6 : 0.9))
  const inner = await sharp(Buffer.from(logo), { density: Math.ceil((72 * ring) / 32) })
    .resize(ring, ring)
    .png()
    .toBuffer()
  const out = path.resolve('public/icons', file)
  await sharp({ create: { width: size, height: size, channels: 4, background: white } })
    .composite([{ input: inner, gravity: 'center' }])
    .png({ compressionLevel: 9 })
    .toFile(out)
  console.log(`wrote ${out}`)
}

await render(192, 'icon-192.png')
await render(512, 'icon-512.png')
await render(512, 'icon-maskable-512.png', { maskable: true })
