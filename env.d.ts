/// <reference types="@remix-run/node" />
/// <reference types="@remix-run/dev" />

declare module '*.css' {
  const href: string
  export default href
}

declare module 'heic-convert' {
  /** Decodes a HEIC/HEIF image (pure JavaScript, HEVC included) and encodes it as JPEG or PNG. */
  export default function convert(options: {
    buffer: Uint8Array
    format: 'JPEG' | 'PNG'
    quality?: number
  }): Promise<Uint8Array>
}
