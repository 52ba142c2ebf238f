import { countryCodes } from '~/models/stakeholders.server'
import { nameKey } from '~/utils/text'

import type { Cell, ParsedFile } from './parse.server'

export type ImportKind = 'stakeholders' | 'contacts' | 'actions'

/** field -> header (the column chosen for it), or null when the field is not imported. */
export type ColumnMapping = Record<string, string | null>

/**
 * The fields each kind of import fills, in the order the mapping page lists them, each with the
 * header names (English, Spanish, French, Portuguese; compared accent- and case-free) that make
 * a column a likely match. Earlier synonyms win: an ISO code column beats a country-name column.
 */
export const importFields: Record<ImportKind, { field: string; required?: boolean; synonyms: string[] }[]> = {
  stakeholders: [
    {
      field: 'name',
      required: true,
      synonyms: [
        'name',
        'organisation name',
        'organization name',
        'organisation',
        'organization',
        'stakeholder',
        'institution',
        'university',
        'nombre',
        'nombre de la organizacion',
        'organizacion',
        'entidad',
        'institucion',
        'universidad',
        'nom',
        'nom de l organisation',
        'organisme',
        'etablissement',
        'universite',
        'nome',
        'nome da organizacao',
        'organizacao',
        'instituicao',
        'universidade',
        'razon social',
        'company',
        'empresa',
        'entreprise',
      ],
    },
    {
      field: 'acronym',
      synonyms: [
        'acronym',
        'short name',
        'abbreviation',
        'acronimo',
        'siglas',
        'sigla',
        'acronyme',
        'sigle',
        'abreviatura',
      ],
    },
    {
      field: 'category',
      synonyms: ['category', 'type', 'kind', 'categoria', 'tipo', 'categorie', 'type d organisation'],
    },
    {
      field: 'programme',
      synonyms: ['programme', 'program', 'funding programme', 'programa', 'programme de financement'],
    },
    { field: 'period', synonyms: ['period', 'programming period', 'periodo', 'periode'] },
    {
      field: 'scale',
      synonyms: ['scale', 'level', 'geographic scale', 'escala', 'nivel', 'echelle', 'niveau', 'ambito'],
    },
    {
      field: 'country',
      synonyms: [
        'alpha two code',
        'country code',
        'iso country',
        'iso',
        'country',
        'nation',
        'pais',
        'codigo pais',
        'pays',
        'code pays',
        'codigo do pais',
      ],
    },
    {
      field: 'city',
      synonyms: [
        'city',
        'town',
        'municipality',
        'ciudad',
        'municipio',
        'localidad',
        'ville',
        'commune',
        'cidade',
        'concelho',
      ],
    },
    {
      field: 'website',
      synonyms: [
        'website',
        'web site',
        'web pages',
        'web page',
        'web',
        'url',
        'homepage',
        'home page',
        'site',
        'sitio web',
        'pagina web',
        'web oficial',
        'site web',
        'site internet',
        'site da web',
        'pagina',
        'domains',
        'domain',
        'dominio',
        'domaine',
      ],
    },
    {
      field: 'description',
      synonyms: [
        'description',
        'notes',
        'note',
        'comments',
        'descripcion',
        'notas',
        'comentarios',
        'remarques',
        'descricao',
        'observacoes',
      ],
    },
    {
      field: 'languages',
      synonyms: [
        'languages',
        'language',
        'idiomas',
        'idioma',
        'lenguas',
        'langues',
        'langue',
        'linguas',
        'lingua',
      ],
    },
    {
      field: 'stage',
      synonyms: [
        'stage',
        'engagement stage',
        'status',
        'etapa',
        'estado',
        'fase',
        'etape',
        'statut',
        'estagio',
      ],
    },
    {
      field: 'contactName',
      synonyms: [
        'contact',
        'contact name',
        'contact person',
        'persona de contacto',
        'contacto',
        'nom du contact',
        'contato',
        'pessoa de contato',
      ],
    },
    {
      field: 'contactEmail',
      synonyms: [
        'email',
        'e mail',
        'contact email',
        'mail',
        'correo',
        'correo electronico',
        'email de contacto',
        'courriel',
        'adresse e mail',
        'adresse electronique',
        'e mail de contato',
        'primary email',
      ],
    },
  ],
  contacts: [
    {
      field: 'name',
      synonyms: [
        'full name',
        'display name',
        'name',
        'nombre completo',
        'nombre',
        'nom complet',
        'nom',
        'nome completo',
        'nome',
      ],
    },
    {
      field: 'firstName',
      synonyms: ['first name', 'given name', 'firstname', 'nombre de pila', 'prenom', 'primeiro nome'],
    },
    {
      field: 'lastName',
      synonyms: [
        'last name',
        'family name',
        'surname',
        'lastname',
        'apellidos',
        'apellido',
        'nom de famille',
        'sobrenome',
        'apelido',
      ],
    },
    {
      field: 'email',
      synonyms: [
        'e mail',
        'email',
        'primary email',
        'email address',
        'e mail address',
        'mail',
        'correo',
        'correo electronico',
        'courriel',
        'adresse e mail',
        'adresse electronique',
        'endereco de e mail',
      ],
    },
    {
      field: 'phone',
      synonyms: [
        'phone',
        'telephone',
        'work phone',
        'mobile number',
        'mobile',
        'telefono',
        'movil',
        'telephone portable',
        'telefone',
        'celular',
      ],
    },
    {
      field: 'position',
      synonyms: ['job title', 'title', 'position', 'role', 'cargo', 'puesto', 'poste', 'fonction', 'funcao'],
    },
    {
      field: 'organisation',
      synonyms: [
        'organisation',
        'organization',
        'company',
        'stakeholder',
        'institution',
        'organizacion',
        'empresa',
        'entidad',
        'organisme',
        'entreprise',
        'organizacao',
      ],
    },
    {
      field: 'languages',
      synonyms: ['languages', 'language', 'idiomas', 'idioma', 'langues', 'langue', 'linguas', 'lingua'],
    },
    {
      field: 'notes',
      synonyms: ['note', 'notes', 'comments', 'notas', 'comentarios', 'remarques', 'observacoes'],
    },
  ],
  actions: [
    { field: 'date', required: true, synonyms: ['date', 'day', 'fecha', 'dia', 'jour', 'data'] },
    {
      field: 'type',
      required: true,
      synonyms: [
        'type',
        'action type',
        'activity type',
        'tipo',
        'tipo de accion',
        'type d action',
        'tipo de acao',
      ],
    },
    {
      field: 'channel',
      synonyms: ['channel', 'medium', 'platform', 'canal', 'medio', 'plataforma', 'plateforme'],
    },
    {
      field: 'title',
      required: true,
      synonyms: [
        'title',
        'action',
        'name',
        'subject',
        'titulo',
        'accion',
        'nombre',
        'asunto',
        'titre',
        'nom',
        'sujet',
        'acao',
        'assunto',
      ],
    },
    {
      field: 'languages',
      synonyms: ['languages', 'language', 'idiomas', 'idioma', 'langues', 'langue', 'linguas', 'lingua'],
    },
    {
      field: 'participants',
      synonyms: [
        'participants',
        'attendees',
        'people',
        'audience',
        'participantes',
        'asistentes',
        'personas',
        'participants presents',
        'pessoas',
      ],
    },
    {
      field: 'onlineReach',
      synonyms: [
        'online reach',
        'reach',
        'impressions',
        'views',
        'alcance',
        'alcance online',
        'impresiones',
        'portee',
        'impressions en ligne',
        'visualizacoes',
      ],
    },
    {
      field: 'engagements',
      synonyms: [
        'engagements',
        'engagement',
        'interactions',
        'interacciones',
        'interactions en ligne',
        'interacoes',
      ],
    },
    {
      field: 'evidenceUrl',
      synonyms: [
        'evidence link',
        'evidence',
        'evidence url',
        'link',
        'url',
        'enlace',
        'evidencia',
        'prueba',
        'lien',
        'preuve',
        'ligacao',
        'evidencia link',
      ],
    },
    {
      field: 'stakeholders',
      synonyms: [
        'stakeholders',
        'stakeholders reached',
        'organisations reached',
        'partes interesadas',
        'actores',
        'entidades',
        'parties prenantes',
        'partes interessadas',
      ],
    },
    {
      field: 'description',
      synonyms: ['description', 'notes', 'comments', 'descripcion', 'notas', 'remarques', 'descricao'],
    },
  ],
}

export function fieldsOf(kind: ImportKind) {
  return importFields[kind].map((f) => f.field)
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Guesses which column fills each field from the header names; for files without a header row,
 * from the content (a column of e-mail addresses is the e-mail). Each column is used once.
 */
export function guessMapping(
  kind: ImportKind,
  file: Pick<ParsedFile, 'headers' | 'rows' | 'format'>,
): ColumnMapping {
  const mapping: ColumnMapping = {}
  const used = new Set<string>()
  const keys = file.headers.map((h) => ({ header: h, key: nameKey(h.replace(/[_-]+/g, ' ')) }))
  for (const { field } of importFields[kind]) mapping[field] = null
  if (file.format.hasHeader) {
    // Exact names first for every field, then names that start with a synonym ("web page 1").
    for (const pass of ['exact', 'prefix'] as const) {
      for (const { field, synonyms } of importFields[kind]) {
        if (mapping[field]) continue
        for (const synonym of synonyms) {
          const hit = keys.find(
            (k) =>
              !used.has(k.header) && (pass === 'exact' ? k.key === synonym : k.key.startsWith(`${synonym} `)),
          )
          if (hit) {
            mapping[field] = hit.header
            used.add(hit.header)
            break
          }
        }
      }
    }
    // "Nombre" beside "Apellidos" (or "Name" beside "Surname") is the first name, not the full name.
    if (
      kind === 'contacts' &&
      mapping.lastName &&
      !mapping.firstName &&
      mapping.name &&
      ['name', 'nombre', 'nom', 'nome'].includes(nameKey(mapping.name))
    ) {
      mapping.firstName = mapping.name
      mapping.name = null
    }
    return mapping
  }
  const sample = file.rows.slice(0, 20)
  const column = (i: number) => sample.map((r) => firstText(r.values[i]))
  const emailColumn = file.headers.findIndex(
    (_, i) =>
      column(i)
        .filter(Boolean)
        .every((v) => emailPattern.test(v)) && column(i).some(Boolean),
  )
  const emailField = kind === 'stakeholders' ? 'contactEmail' : kind === 'contacts' ? 'email' : null
  if (emailColumn >= 0 && emailField) {
    mapping[emailField] = file.headers[emailColumn]
    used.add(file.headers[emailColumn])
  }
  const textColumn = file.headers.findIndex((h, i) => !used.has(h) && column(i).some((v) => /\p{L}/u.test(v)))
  const nameField = kind === 'actions' ? 'title' : 'name'
  if (textColumn >= 0) mapping[nameField] = file.headers[textColumn]
  return mapping
}

function firstText(cell: Cell | undefined) {
  return (Array.isArray(cell) ? (cell[0] ?? '') : (cell ?? '')).trim()
}

/** Keeps only fields of this kind and headers of this file; everything else is dropped. */
export function cleanMapping(
  kind: ImportKind,
  headers: string[],
  mapping: Record<string, unknown>,
): ColumnMapping {
  const out: ColumnMapping = {}
  for (const field of fieldsOf(kind)) {
    const header = mapping[field]
    out[field] = typeof header === 'string' && headers.includes(header) ? header : null
  }
  return out
}

/** Reads a row through the mapping: `get('city')` is the cell of the column mapped to city. */
export function rowReader(headers: string[], mapping: ColumnMapping) {
  const index: Record<string, number> = {}
  for (const [field, header] of Object.entries(mapping)) if (header) index[field] = headers.indexOf(header)
  return (values: Cell[]) =>
    (field: string): Cell => {
      const i = index[field]
      return i === undefined || i < 0 ? '' : (values[i] ?? '')
    }
}

// ---------------------------------------------------------------------------------------------
// Countries and languages: names in the languages users write spreadsheets in, to ISO codes.

const displayLocales = ['en', 'es', 'fr', 'pt', 'it', 'de', 'nl', 'ca']
let countryIndex: Map<string, string> | undefined
let languageIndex: Map<string, string> | undefined

// Names used by ISO 3166 lists and by the universities file that Intl does not produce.
const countryAliases: Record<string, string> = {
  'bolivia plurinational state of': 'BO',
  'congo the democratic republic of the': 'CD',
  'democratic republic of the congo': 'CD',
  congo: 'CG',
  'cote d ivoire': 'CI',
  'ivory coast': 'CI',
  iran: 'IR',
  'iran islamic republic of': 'IR',
  'czech republic': 'CZ',
  'holy see vatican city state': 'VA',
  'korea democratic people s republic of': 'KP',
  'korea republic of': 'KR',
  'south korea': 'KR',
  'north korea': 'KP',
  kosovo: 'XK',
  'lao people s democratic republic': 'LA',
  macao: 'MO',
  macau: 'MO',
  'moldova republic of': 'MD',
  'palestine state of': 'PS',
  'russian federation': 'RU',
  'syrian arab republic': 'SY',
  swaziland: 'SZ',
  'taiwan province of china': 'TW',
  'tanzania united republic of': 'TZ',
  turkiye: 'TR',
  turkey: 'TR',
  'venezuela bolivarian republic of': 'VE',
  'viet nam': 'VN',
  vietnam: 'VN',
  'virgin islands british': 'VG',
  'virgin islands u s': 'VI',
  'brunei darussalam': 'BN',
  'cape verde': 'CV',
  'united states of america': 'US',
  usa: 'US',
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'the netherlands': 'NL',
  holland: 'NL',
  macedonia: 'MK',
  'north macedonia': 'MK',
}

/** ISO 3166-1 alpha-2 code for a code or a country name in English, Spanish, French, Portuguese and more; null if unknown. */
export function countryCode(value: string): string | null {
  const v = value.trim()
  if (!v) return null
  if (!countryIndex) {
    countryIndex = new Map(Object.entries(countryAliases))
    const codes = countryCodes
    for (const locale of displayLocales) {
      const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
      for (const code of codes) {
        const key = nameKey(names.of(code))
        if (key && !countryIndex.has(key)) countryIndex.set(key, code)
      }
    }
    for (const code of codes) countryIndex.set(code.toLowerCase(), code)
  }
  if (/^[A-Za-z]{2}$/.test(v)) {
    const code = v.toUpperCase()
    if (code === 'UK') return 'GB'
    return countryIndex.get(code.toLowerCase()) ? code : null
  }
  return countryIndex.get(nameKey(v)) ?? null
}

/** ISO 639-1 code for a code ("es") or a language name ("Spanish", "español", "espagnol"); null if unknown. */
export function languageCode(value: string): string | null {
  const v = value.trim()
  if (!v) return null
  if (!languageIndex) {
    languageIndex = new Map()
    const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' })
    const codes: string[] = []
    for (let a = 97; a <= 122; a++)
      for (let b = 97; b <= 122; b++) {
        const code = String.fromCharCode(a, b)
        if (english.of(code) !== code) codes.push(code)
      }
    for (const locale of displayLocales) {
      const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' })
      for (const code of codes) {
        const key = nameKey(names.of(code))
        if (key && !languageIndex.has(key)) languageIndex.set(key, code)
      }
    }
    for (const code of codes) languageIndex.set(code, code)
  }
  const lower = v.toLowerCase()
  if (/^[a-z]{2}([-_][a-z]{2})?$/.test(lower))
    return languageIndex.get(lower.slice(0, 2)) ? lower.slice(0, 2) : null
  return languageIndex.get(nameKey(v)) ?? null
}
