import { isNull } from 'drizzle-orm'

import { db } from '#db/client'
import { type Scale, scales, type Stage, stages, stakeholderCategories } from '#db/schema'
import { nameKey } from '~/utils/text'

import { keyedLookup, translatedNames } from './pipeline.server'

const scaleWords: Record<string, Scale> = {
  local: 'local',
  municipal: 'local',
  regional: 'regional',
  region: 'regional',
  national: 'national',
  nacional: 'national',
  nationale: 'national',
  european: 'european',
  europea: 'european',
  europeo: 'european',
  europeen: 'european',
  europeenne: 'european',
  europeia: 'european',
  europeu: 'european',
  eu: 'european',
  global: 'global',
  international: 'global',
  internacional: 'global',
  mundial: 'global',
  world: 'global',
  mondial: 'global',
}
const stageWords: Record<string, Stage> = {
  identified: 'identified',
  identificado: 'identified',
  identifie: 'identified',
  contacted: 'contacted',
  contactado: 'contacted',
  contacte: 'contacted',
  contatado: 'contacted',
  engaged: 'engaged',
  implicado: 'engaged',
  comprometido: 'engaged',
  engage: 'engaged',
  envolvido: 'engaged',
  collaborating: 'collaborating',
  colaborando: 'collaborating',
  collabore: 'collaborating',
  collaboration: 'collaborating',
  dormant: 'dormant',
  inactivo: 'dormant',
  latente: 'dormant',
  inactif: 'dormant',
  inativo: 'dormant',
}
// Category words in Spanish, French and Portuguese for the built-in keys.
const categoryWords: Record<string, string[]> = {
  university: ['universidad', 'universite', 'universidade', 'university', 'higher education', 'universities'],
  city_network: ['red de ciudades', 'reseau de villes', 'rede de cidades', 'network'],
  local_authority: [
    'ayuntamiento',
    'municipality',
    'city council',
    'autoridad local',
    'collectivite',
    'municipio',
    'camara municipal',
    'regional authority',
  ],
  national_authority: ['ministry', 'ministerio', 'ministere', 'government'],
  media: ['medios', 'medio', 'prensa', 'press', 'medias', 'media'],
  ngo: ['ngo', 'ong', 'association', 'asociacion', 'associacao', 'civil society'],
  business: ['empresa', 'entreprise', 'company'],
  other: ['otro', 'otra', 'autre', 'outro'],
}

export const maxLengths: Record<string, number> = {
  name: 300,
  acronym: 60,
  programme: 200,
  period: 60,
  city: 120,
  website: 500,
  description: 5000,
}

export function scaleOf(value: string): Scale | null {
  const key = nameKey(value)
  return (scales as readonly string[]).includes(key) ? (key as Scale) : (scaleWords[key] ?? null)
}
export function stageOf(value: string): Stage | null {
  const key = nameKey(value)
  return (stages as readonly string[]).includes(key) ? (key as Stage) : (stageWords[key] ?? null)
}

export function categoryLookup() {
  const rows = db.select().from(stakeholderCategories).where(isNull(stakeholderCategories.archivedAt)).all()
  return keyedLookup(
    rows.map((c) => ({
      id: c.id,
      names: [
        c.name,
        c.key,
        c.key?.replace(/_/g, ' '),
        ...(c.key ? translatedNames('stakeholders', 'categories', c.key) : []),
        ...(c.key ? (categoryWords[c.key] ?? []) : []),
      ],
    })),
  )
}
