import { Transform } from 'node:stream'

/**
 * React 18's streaming renderer encodes HTML into 2,048-byte buffers and, when a multi-byte
 * character (ń, ά, č, ș, “) does not fit at the end of one, sends the whole buffer anyway: the
 * unwritten bytes reach the browser as NUL characters ("Radio Gda\0ńsk"), which break text,
 * copy-paste and e-mail clients. Fixed in React 19 (facebook/react#26228), never in 18.x. HTML
 * never contains NUL, and the bytes left unwritten are at most the length of one UTF-8
 * character less one (3), at the end of a chunk: this stream drops exactly those.
 */
export function withoutTrailingNulls(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let end = chunk.length
      while (end > 0 && chunk.length - end < 3 && chunk[end - 1] === 0) end--
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end))
    },
  })
}
