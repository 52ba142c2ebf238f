import { languageLetters, scriptVowels } from './encoding-languages'

type Script = 'latin' | 'greek' | 'cyrillic'

// Each language's letters with their weight: 1, or 0.5 for the rare ones (after "|").
const letterWeights = Object.values(languageLetters).map((letters) => {
  const [common, rare = ''] = letters.split('|')
  return new Map([...[...rare].map((c) => [c, 0.5] as const), ...[...common].map((c) => [c, 1] as const)])
})
const vowels = { greek: new Set(scriptVowels.greek), cyrillic: new Set(scriptVowels.cyrillic) }

// Symbols a real word may hold between letters: Catalan's "l·l", apostrophes, ordinal signs.
const inWordSymbols = new Set(['·', '’', 'ʼ', 'ª', 'º', '-'])
// Code points a legacy code page gives for bytes that are rarely text: currency sign, broken
// bar, spacing diacritics (what ISO-8859-15's Š, š, Ž, ž, € read as in Windows-1252).
const oddSymbols = new Set(['¤', '¦', '¨', '´', '¸', '¹', '³', '¯', '˘', '˙', '˛', '˝', 'ˇ', '¬'])

function scriptOf(c: string): Script | null {
  const code = c.codePointAt(0)!
  if (code >= 0x370 && code <= 0x3ff) return 'greek'
  if (code >= 0x400 && code <= 0x4ff) return 'cyrillic'
  return /\p{L}/u.test(c) ? 'latin' : null
}

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase()
const isLower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase()

type Tally = {
  /** Non-ASCII letters, lower-cased, with their counts. */
  letters: Map<string, number>
  penalty: number
  vowelCount: Record<'greek' | 'cyrillic', { vowels: number; letters: number }>
}

/** Looks at one word holding a non-ASCII character: script, case, symbols, Greek final sigma. */
function scoreWord(word: string, tally: Tally) {
  const chars = [...word]
  const scripts = new Set<Script>()
  let sawLower = false
  let caseBreaks = 0
  chars.forEach((c, i) => {
    const code = c.codePointAt(0)!
    if ((code >= 0x80 && code <= 0x9f) || c === '\ufffd') {
      tally.penalty += 6
      return
    }
    const script = scriptOf(c)
    if (!script) {
      const inside = i > 0 && i < chars.length - 1
      if (oddSymbols.has(c)) tally.penalty += inside ? 3 : 1
      else if (inside && !inWordSymbols.has(c) && !/\p{N}/u.test(c)) tally.penalty += 2
      return
    }
    scripts.add(script)
    if (isLower(c)) sawLower = true
    else if (isUpper(c) && sawLower) caseBreaks++
    const lower = c.toLowerCase()
    // A lone letter ("©" read as "Š") proves nothing; real text has words around it.
    if (code >= 0x80 && chars.length > 1) tally.letters.set(lower, (tally.letters.get(lower) ?? 0) + 1)
    if (script !== 'latin') {
      tally.vowelCount[script].letters++
      if (vowels[script].has(lower)) tally.vowelCount[script].vowels++
    }
    if (c === 'ς' && i < chars.length - 1 && scriptOf(chars[i + 1]) === 'greek') tally.penalty += 2
  })
  if (scripts.size > 1) tally.penalty += 3
  if (caseBreaks) tally.penalty += 2
}

/**
 * How much a decoding reads like text in one language: +1 for every non-ASCII letter the best
 * fitting language writes (½ for its rare letters), minus penalties for C1 controls and undefined bytes, symbols inside
 * words, words mixing scripts or with capitals after small letters, and Greek or Cyrillic text
 * with too few vowels to be a language (Greek bytes read as Cyrillic). Higher is better; only
 * the comparison between decodings of the same bytes means anything.
 */
export function plausibility(text: string): number {
  const tally: Tally = {
    letters: new Map(),
    penalty: 0,
    vowelCount: { greek: { vowels: 0, letters: 0 }, cyrillic: { vowels: 0, letters: 0 } },
  }
  // Words: runs of anything but white space and ASCII punctuation.
  for (const match of text.matchAll(/[^\s!-/:-@[-`{-~]+/g)) {
    if (/[^ -~]/.test(match[0])) scoreWord(match[0], tally)
  }
  let best = 0
  for (const weights of letterWeights) {
    let covered = 0
    for (const [letter, n] of tally.letters) covered += n * (weights.get(letter) ?? 0)
    best = Math.max(best, covered)
  }
  for (const { vowels: v, letters } of Object.values(tally.vowelCount)) {
    if (letters < 8) continue
    const ratio = v / letters
    if (ratio < 0.3) tally.penalty += letters * (0.3 - ratio) * 4
  }
  return best - tally.penalty
}
