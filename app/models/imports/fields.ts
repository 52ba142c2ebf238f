import { registrationFields } from './fields-registrations'
import { stakeholderFields } from './fields-stakeholders'

export type ImportKind = 'stakeholders' | 'contacts' | 'actions' | 'registrations'

/** field -> header (the column chosen for it), or null when the field is not imported. */
export type ColumnMapping = Record<string, string | null>

export type ImportField = { field: string; required?: boolean; synonyms: string[] }

/**
 * The fields each kind of import fills, in the order the mapping page lists them, each with the
 * header names (English, Spanish, French, Portuguese; compared accent- and case-free) that make
 * a column a likely match. Earlier synonyms win: an ISO code column beats a country-name column.
 */
export const importFields: Record<ImportKind, ImportField[]> = {
  stakeholders: stakeholderFields,
  registrations: registrationFields,
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
