import type { ImportField } from './fields'

/**
 * The fields of a list of an event's registrants (issue 16, point 3): who, their e-mail (the key
 * that finds a registrant again and the contact they are), their organisation, whether they gave
 * consent (yes or no, always recorded) and whether they came.
 */
export const registrationFields: ImportField[] = [
  {
    field: 'name',
    required: true,
    synonyms: [
      'full name',
      'name',
      'attendee',
      'registrant',
      'participant',
      'nombre completo',
      'nombre',
      'nom',
      'nome',
    ],
  },
  {
    field: 'email',
    synonyms: [
      'e mail',
      'email',
      'email address',
      'mail',
      'correo',
      'correo electronico',
      'courriel',
      'adresse e mail',
    ],
  },
  {
    field: 'organisation',
    synonyms: [
      'organisation',
      'organization',
      'institution',
      'company',
      'entity',
      'organizacion',
      'entidad',
      'institucion',
      'organisme',
      'organizacao',
    ],
  },
  {
    field: 'consent',
    required: true,
    synonyms: ['consent', 'gdpr consent', 'consent given', 'consentimiento', 'consentement', 'consentimento'],
  },
  {
    field: 'attended',
    synonyms: [
      'attended',
      'attendance',
      'present',
      'asistio',
      'asistencia',
      'presente',
      'presence',
      'presenca',
    ],
  },
]
