import iconv from 'iconv-lite'
import { describe, expect, it, vi } from 'vitest'

import {
  decodeUpload,
  encodingChoiceOf,
  encodingChoices,
  ImportRefusal,
} from '~/models/imports/decode.server'
import { assertCaps, assertSize, uploadLimitBytes } from '~/models/imports/upload-limit.server'
import { env } from '~/utils/env.server'

// The upload limit comes from UPLOAD_LIMIT_MB, read once per process: this file's own value,
// a fraction of a megabyte that does not come out in whole bytes (0.3 MB = 314,572.8 bytes).
vi.hoisted(() => {
  process.env.UPLOAD_LIMIT_MB = '0.3'
})

const bom8 = Buffer.from([0xef, 0xbb, 0xbf])
const le = (text: string) => Buffer.from(text, 'utf16le')
const be = (text: string) => Buffer.from(text, 'utf16le').swap16()

/** The refusal a call throws, as the upload page gets it. */
function refusal(call: () => unknown) {
  try {
    call()
  } catch (error) {
    if (!(error instanceof ImportRefusal)) throw error
    return { name: error.name, reason: error.reason, params: error.params }
  }
  throw new Error('not refused')
}
const refused = (bytes: Uint8Array, encoding?: string) =>
  refusal(() => decodeUpload(bytes, { encoding })).reason

describe('byte order marks', () => {
  it('names UTF-8 with and without a BOM and strips the BOM', () => {
    const text = 'miasto\nŁódź\nΘεσσαλονίκη\n'
    expect(decodeUpload(Buffer.concat([bom8, Buffer.from(text)]))).toEqual({ text, encoding: 'UTF-8 (BOM)' })
    expect(decodeUpload(Buffer.from(text))).toEqual({ text, encoding: 'UTF-8' })
    // Chosen by hand, the BOM goes too and the name is the choice.
    const chosen = decodeUpload(Buffer.concat([bom8, Buffer.from(text)]), { encoding: 'UTF-8' })
    expect(chosen).toEqual({ text, encoding: 'UTF-8' })
  })

  it('reads UTF-16 LE and BE after their BOMs', () => {
    const text = 'jméno\nČeněk Šťastný\nTârgu Mureș\n'
    expect(decodeUpload(Buffer.concat([Buffer.from([0xff, 0xfe]), le(text)]))).toEqual({
      text,
      encoding: 'UTF-16LE',
    })
    expect(decodeUpload(Buffer.concat([Buffer.from([0xfe, 0xff]), be(text)]))).toEqual({
      text,
      encoding: 'UTF-16BE',
    })
  })

  it('strips three stacked BOMs (tools that each add one) but keeps U+FEFF inside the text', () => {
    const three = (bom: Buffer, body: Buffer) => Buffer.concat([bom, bom, bom, body])
    const text = 'Gasteizko Udala\nDonostia\n'
    expect(decodeUpload(three(bom8, Buffer.from(text)))).toEqual({ text, encoding: 'UTF-8 (BOM)' })
    expect(decodeUpload(three(bom8, Buffer.from(text)), { encoding: 'UTF-8' })).toEqual({
      text,
      encoding: 'UTF-8',
    })
    expect(decodeUpload(three(le('\uFEFF'), le(text)))).toEqual({ text, encoding: 'UTF-16LE' })
    const inside = 'Gasteiz\uFEFF,Iruñea\n'
    expect(decodeUpload(Buffer.from(inside))).toEqual({ text: inside, encoding: 'UTF-8' })
  })

  it('takes no BOM for bytes that only begin like one', () => {
    // "ÿ" is FF 00 in UTF-16LE and 00 FF in UTF-16BE: half a BOM, not a BOM.
    expect(decodeUpload(le('ÿ Łódź\n'), { encoding: 'UTF-16LE' }).text).toBe('ÿ Łódź\n')
    expect(decodeUpload(be('ÿ Łódź\n'), { encoding: 'UTF-16BE' }).text).toBe('ÿ Łódź\n')
    // "＿" is EF BC BF and "ﻛ" EF BB 9B in UTF-8: two of the three BOM bytes each.
    expect(decodeUpload(Buffer.from('＿＿,Łódź\n'))).toEqual({ text: '＿＿,Łódź\n', encoding: 'UTF-8' })
    expect(decodeUpload(Buffer.from('ﻛ,Łódź\n'))).toEqual({ text: 'ﻛ,Łódź\n', encoding: 'UTF-8' })
    // Romanian "ţ" is FE in Windows-1250: a file may begin with it.
    const romanian = iconv.encode('ţuică,Târgu Mureş\n', 'windows-1250')
    expect(decodeUpload(romanian)).toEqual({ text: 'ţuică,Târgu Mureş\n', encoding: 'windows-1250' })
  })
})

describe('UTF-16 without a BOM', () => {
  it('finds it from four bytes on, in the first 4 KB', () => {
    expect(decodeUpload(le('Ez'))).toEqual({ text: 'Ez', encoding: 'UTF-16LE' })
    expect(decodeUpload(be('Ez'))).toEqual({ text: 'Ez', encoding: 'UTF-16BE' })
    // Two bytes are too few to tell: the zero byte makes it binary.
    expect(refused(le('E'))).toBe('errors.binary')
    // Exactly the 4,096 bytes it samples, and longer.
    const row = 'Gasteizko Udala;Vitoria-Gasteiz\n'
    expect(le(row.repeat(64)).length).toBe(4096)
    expect(decodeUpload(le(row.repeat(64)))).toEqual({ text: row.repeat(64), encoding: 'UTF-16LE' })
    expect(decodeUpload(be(row.repeat(100)))).toEqual({ text: row.repeat(100), encoding: 'UTF-16BE' })
  })

  it('wants more than 60% of the characters Latin-1 (zero on one side)', () => {
    // "Łódź!": ó, d and ! have a zero high byte, Ł and ź not: 3 of 5 is 60%, not more.
    expect(refused(le('Łódź!'))).toBe('errors.binary')
    expect(refused(be('Łódź!'))).toBe('errors.binary')
    expect(decodeUpload(le('Łódź!!'))).toEqual({ text: 'Łódź!!', encoding: 'UTF-16LE' })
    // Counted in the first 4,096 bytes even of a file cut off mid-character (odd length, the
    // odd byte dropped): 1,229 of 2,048 characters is just over 60%.
    const cut = 'ł'.repeat(819) + 'e'.repeat(1229) + 'Łódź'
    expect(decodeUpload(Buffer.concat([le(cut), Buffer.from([0x41])]))).toEqual({
      text: cut,
      encoding: 'UTF-16LE',
    })
  })

  it('wants fewer than 5% zero bytes on the other side', () => {
    // Latvian "Ā" (U+0100) has a zero low byte: 1 in 20 characters is 5%, not fewer.
    const latvian = 'Āboli un bumbieri ir'
    expect([...latvian].length).toBe(20)
    expect(refused(le(latvian))).toBe('errors.binary')
    expect(refused(be(latvian))).toBe('errors.binary')
    const longer = `${latvian} garšīgi`
    expect(decodeUpload(le(longer))).toEqual({ text: longer, encoding: 'UTF-16LE' })
  })
})

describe('refused as empty or binary', () => {
  it('refuses an empty, blank or BOM-only file as empty', () => {
    expect(refusal(() => decodeUpload(new Uint8Array()))).toEqual({
      name: 'ImportRefusal',
      reason: 'errors.empty',
      params: {},
    })
    expect(refused(Buffer.from(' \r\n\t\n  '))).toBe('errors.empty')
    expect(refused(bom8)).toBe('errors.empty')
    expect(refused(Buffer.from(' \n'), 'windows-1250')).toBe('errors.empty')
  })

  it('refuses any NUL byte in the first 8 KB of a file that is not UTF-16', () => {
    const text = 'Gasteizko Udala,Vitoria-Gasteiz\n'.repeat(40)
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from([0]), Buffer.from(text)])
    expect(refused(bytes)).toBe('errors.binary')
    // A NUL past the first 8,192 bytes (here the 9,601st) is not looked for.
    const late = `${'Gasteizko Udala,Iruñea\n'.repeat(400)}\0`
    expect(Buffer.from(late).length).toBe(9601)
    expect(decodeUpload(Buffer.from(late))).toEqual({ text: late, encoding: 'UTF-8' })
  })

  it('refuses text with more than 2% control characters unless the encoding was chosen', () => {
    const controls = `Łódź${'\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x1b\x1f'.repeat(3)}\n`
    expect(refused(Buffer.from(controls))).toBe('errors.binary')
    expect(decodeUpload(Buffer.from(controls), { encoding: 'UTF-8' })).toEqual({
      text: controls,
      encoding: 'UTF-8',
    })
    // 2 in 100 is 2%, still text; 3 in 100 is not.
    const line = (n: number) => `${'Θεσσαλονίκη '.repeat(8)}${'\x01'.repeat(n)}`.padEnd(100, '.')
    expect(line(2)).toHaveLength(100)
    expect(decodeUpload(Buffer.from(line(2))).text).toBe(line(2))
    expect(refused(Buffer.from(line(3)))).toBe('errors.binary')
  })

  it('takes tabs, line ends and form feeds as text, and looks at the first 8,192 characters', () => {
    const tsv = 'a\tb\tc\td\r\n'.repeat(50) + '\f'.repeat(20)
    expect(decodeUpload(Buffer.from(tsv))).toEqual({ text: tsv, encoding: 'UTF-8' })
    const late = `${'Č'.repeat(8192)}${'\x01'.repeat(400)}`
    expect(decodeUpload(Buffer.from(late)).text).toBe(late)
  })
})

describe('legacy code pages', () => {
  it('reads Polish, Czech, Greek and Basque in their code pages', () => {
    const cases = [
      ['nazwa,miasto\nUrząd Miasta,Łódź\nGmina,Gdańsk\n', 'windows-1250'],
      ['jméno\nČeněk Šťastný\nŽďár nad Sázavou\n', 'iso-8859-2'],
      ['πόλη\nΘεσσαλονίκη\nΆρτα\n', 'iso-8859-7'],
      ['πόλη\nΘεσσαλονίκη\nΆρτα\n', 'windows-1253'],
    ] as const
    for (const [text, encoding] of cases) {
      expect(decodeUpload(iconv.encode(text, encoding))).toEqual({ text, encoding })
    }
  })

  it('gives a tie to the first code page tried: Basque "ñ" reads alike in three', () => {
    const text = 'hiria\nIruñea\nDonostia\n'
    expect(decodeUpload(iconv.encode(text, 'iso-8859-1'))).toEqual({ text, encoding: 'windows-1252' })
  })

  it('scores the last line too when the file does not end in a line break', () => {
    const text = 'nazwa,miasto\nUrząd Miasta,Łódź'
    expect(decodeUpload(iconv.encode(text, 'windows-1250'))).toEqual({ text, encoding: 'windows-1250' })
  })
})

describe('East Asian encodings', () => {
  const japanese =
    '名前,メモ\n山田さん,こんにちは、よろしくお願いします。\n佐藤さん,ありがとうございました。\n'
  const korean = '이름,주소\n김민수,서울특별시 강남구\n이영희,부산광역시 해운대구\n박지성,대구광역시 중구\n'
  const chinese = '姓名,城市\n張偉,台北\n王芳,高雄\n李娜,台中\n'

  it('takes the one chardet is sure of when no code page reads like a language', () => {
    for (const [text, encoding] of [
      [japanese, 'Shift_JIS'],
      [japanese, 'EUC-JP'],
      [korean, 'EUC-KR'],
      [chinese, 'Big5'],
    ]) {
      expect(decodeUpload(iconv.encode(text, encoding))).toEqual({ text, encoding })
    }
  })

  it('keeps the best code page when chardet is unsure, or when a code page reads well', () => {
    // Kanji only: chardet gives Shift_JIS 10%, so the least bad code page stays.
    const kanji = iconv.encode('名前,都市\n山田太郎,東京\n佐藤花子,大阪\n', 'Shift_JIS')
    expect(decodeUpload(kanji).encoding).toBe('windows-1250')
    // Short Korean names read as Greek letters that score above zero: chardet's sure EUC-KR loses.
    const names = iconv.encode('이름,도시\n김민수,서울\n이영희,부산\n박지성,대구\n', 'EUC-KR')
    expect(decodeUpload(names)).toEqual({ text: iconv.decode(names, 'iso-8859-7'), encoding: 'iso-8859-7' })
  })
})

describe('the encoding names a user may choose', () => {
  it('takes a stored "(BOM)" name as its encoding, and nothing else', () => {
    expect(encodingChoiceOf('UTF-8 (BOM)')).toBe('UTF-8')
    expect(encodingChoiceOf('UTF-8(BOM)')).toBe('UTF-8')
    expect(encodingChoiceOf('windows-1250')).toBe('windows-1250')
    expect(encodingChoiceOf('UTF (BOM)-8')).toBeNull()
    expect(encodingChoiceOf('UTF-8 (BOM) ')).toBeNull()
    expect(encodingChoiceOf('Shift_JIS')).toBeNull()
    expect(encodingChoiceOf(8)).toBeNull()
  })

  it('reads the bytes in every code page offered on the mapping page and names it', () => {
    const byCodePage = {
      'UTF-8': 'Łódź, Θεσσαλονίκη',
      'UTF-16LE': 'Čeněk Šťastný',
      'UTF-16BE': 'Târgu Mureș',
      'windows-1250': 'Čeněk Šťastný, Łódź',
      'iso-8859-2': 'Žďár nad Sázavou, Łódź',
      'windows-1251': 'София, Пловдив',
      'windows-1252': 'Gasteizko Udala, Iruñea',
      'iso-8859-1': 'Iruñea, São Paulo',
      'iso-8859-15': 'Šiauliai, €',
      'windows-1253': 'Θεσσαλονίκη',
      'iso-8859-7': 'Ηράκλειο, Άρτα',
      'windows-1254': 'İzmir, Şişli',
      'windows-1257': 'Rīga, Šiauliai',
    }
    expect(Object.keys(byCodePage)).toEqual([...encodingChoices])
    for (const [encoding, text] of Object.entries(byCodePage)) {
      expect(decodeUpload(iconv.encode(text, encoding), { encoding })).toEqual({ text, encoding })
    }
  })
})

describe('the upload limit (UPLOAD_LIMIT_MB)', () => {
  it('reads the limit from the environment, in whole bytes', () => {
    expect(env().UPLOAD_LIMIT_MB).toBe(0.3)
    expect(uploadLimitBytes()).toBe(314_572)
  })

  it('takes a file at the limit and refuses one byte more, naming the limit in megabytes', () => {
    expect(assertSize(new Uint8Array(314_572))).toBeUndefined()
    expect(refusal(() => assertSize(new Uint8Array(314_573)))).toEqual({
      name: 'ImportRefusal',
      reason: 'errors.tooLarge',
      params: { limit: 0.3 },
    })
  })
})

describe('the widest and longest file an import takes', () => {
  it('takes 200 columns and 20,000 rows', () => {
    expect(assertCaps({ columns: 200, rows: 20_000 })).toBeUndefined()
  })

  it('refuses a column or row more, and more than 500 columns as not a table', () => {
    expect(refusal(() => assertCaps({ columns: 201, rows: 1 }))).toEqual({
      name: 'ImportRefusal',
      reason: 'errors.tooManyColumns',
      params: { max: 200, found: 201 },
    })
    expect(refusal(() => assertCaps({ columns: 500, rows: 1 })).params).toEqual({ max: 200, found: 500 })
    expect(refusal(() => assertCaps({ columns: 501, rows: 1 }))).toEqual({
      name: 'ImportRefusal',
      reason: 'errors.notTable',
      params: {},
    })
    expect(refusal(() => assertCaps({ columns: 3, rows: 20_001 }))).toEqual({
      name: 'ImportRefusal',
      reason: 'errors.tooManyRows',
      params: { max: 20_000 },
    })
  })
})
