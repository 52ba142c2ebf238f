/**
 * The letters beyond ASCII that each language written in Europe's legacy code pages uses
 * (lower case; the 24 official EU languages, Catalan, Basque, Galician, plus Russian and Turkish,
 * which Windows-1251 and -1254 exist for); letters after "|" are rare in the language. Encoding detection prefers the decoding whose
 * non-ASCII letters one language explains: Polish read as Windows-1252 gives "ê æ ñ œ ¿ ³",
 * which no language writes together; read as Windows-1250 it gives "ę ć ń ś ż ł", Polish.
 */
export const languageLetters: Record<string, string> = {
  bg: 'абвгдежзийклмнопрстуфхцчшщъьюяѝ',
  ru: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
  cs: 'áčďéěíňóřšťúůýž',
  sk: 'áäčďéíĺľňóôŕšťúýž',
  pl: 'ąćęłńóśźż',
  hu: 'áéíóöőúüű',
  hr: 'čćšž|đ',
  sl: 'čšž|ćđ',
  ro: 'ăâîșțşţ',
  de: 'äöüß|é',
  da: 'æøå|é',
  sv: 'åäö|é',
  fi: 'äö|åšž',
  et: 'äõöüšž',
  lt: 'ąčęėįšųūž',
  lv: 'āčēģīķļņšūž',
  el: 'αβγδεζηθικλμνξοπρστυφχψωςάέήίόύώϊϋΐΰ',
  fr: 'àâçéèêëîïôùû|æœüÿ',
  es: 'áéíóúñ|ü',
  pt: 'áâãçéêíóôõú|à',
  it: 'àèéìòù|íîó',
  ca: 'àçèéíòóú|ïü',
  gl: 'áéíóúñ|ü',
  eu: 'ñ',
  nl: 'éëïö|áèóü',
  ga: 'áéíóú',
  mt: 'àèìòùċġħż',
  en: 'é',
  tr: 'çğıöşü|âî',
}

/** Vowels of the scripts whose garbled forms stay within one script (Greek read as Cyrillic). */
export const scriptVowels: Record<'greek' | 'cyrillic', string> = {
  greek: 'αεηιουωάέήίόύώϊϋΐΰ',
  cyrillic: 'аеиоуъыэюяё',
}
