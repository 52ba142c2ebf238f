import fs from 'node:fs'

/**
 * A minimal POSIX ustar writer, enough for the backup: regular files and folders with short
 * ASCII names, written to a file descriptor. Any `tar -xf` (GNU, BSD, busybox, 7-Zip) reads it.
 */
const block = 512

function octal(value: number, width: number) {
  return value.toString(8).padStart(width - 1, '0') + '\0'
}

function header(name: string, size: number, type: '0' | '5', mtime: Date) {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name too long: ${name}`)
  const h = Buffer.alloc(block)
  h.write(name, 0, 100, 'utf8')
  h.write(octal(type === '5' ? 0o755 : 0o644, 8), 100, 'ascii')
  h.write(octal(0, 8), 108, 'ascii')
  h.write(octal(0, 8), 116, 'ascii')
  h.write(octal(size, 12), 124, 'ascii')
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii')
  h.write('        ', 148, 'ascii')
  h.write(type, 156, 'ascii')
  h.write('ustar\0', 257, 'ascii')
  h.write('00', 263, 'ascii')
  let sum = 0
  for (const byte of h) sum += byte
  h.write(octal(sum, 7) + ' ', 148, 'ascii')
  return h
}

export function writeTarFolder(fd: number, name: string) {
  fs.writeSync(fd, header(name.endsWith('/') ? name : `${name}/`, 0, '5', new Date()))
}

/** Appends the file at `source` as `name`, copied in 1 MB pieces. */
export function writeTarFile(fd: number, name: string, source: string) {
  const stat = fs.statSync(source)
  fs.writeSync(fd, header(name, stat.size, '0', stat.mtime))
  const input = fs.openSync(source, 'r')
  try {
    const buffer = Buffer.alloc(1024 * 1024)
    let copied = 0
    while (copied < stat.size) {
      const read = fs.readSync(input, buffer, 0, Math.min(buffer.length, stat.size - copied), copied)
      if (read === 0) throw new Error(`${source} became shorter while it was copied`)
      fs.writeSync(fd, buffer, 0, read)
      copied += read
    }
  } finally {
    fs.closeSync(input)
  }
  const padding = (block - (stat.size % block)) % block
  if (padding) fs.writeSync(fd, Buffer.alloc(padding))
}

/** The two empty blocks that end an archive. */
export function endTar(fd: number) {
  fs.writeSync(fd, Buffer.alloc(block * 2))
}
