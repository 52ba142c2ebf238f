import { describe, expect, it } from 'vitest'

import {
  fieldsOf,
  guessMapping,
  type ImportJob,
  type ImportKind,
  mappingProblems,
} from '~/models/imports/index.server'

/*
 * The header words of each import (fields.ts, fields-stakeholders.ts, fields-registrations.ts and
 * header-words.ts), as the mapping step reads them: a header as partners across Europe write it
 * (English, Spanish, French, Portuguese, German, Italian, Polish, Greek, Czech, Romanian, Basque…)
 * picks its field, and of two headers that both name a field the better name wins.
 */

/** Every field of the kind unmapped, except the ones given. */
const only = (kind: ImportKind, fields: Record<string, string> = {}) => ({
  ...Object.fromEntries(fieldsOf(kind).map((f) => [f, null])),
  ...fields,
})

const headed = (kind: ImportKind, headers: string[]) =>
  guessMapping(kind, { headers, rows: [], format: { type: 'csv', encoding: 'UTF-8', hasHeader: true } })

/** Headers (separated by |) that, alone in a file's header row, fill the field. */
const alone: Record<ImportKind, Record<string, string>> = {
  stakeholders: {
    name: 'Name|Organisation|Organization|Stakeholder|Institution|University|Nombre|Organización|Entidad|Institución|Universidad|Nom|Organisme|Établissement|Université|Nome|Organização|Instituição|Universidade|Razón social|Company|Empresa|Entreprise|Beneficiary name|Ονομασία|Begünstigter',
    acronym:
      'Acronym|Short name|Abbreviation|Acrónimo|Siglas|Sigla|Acronyme|Sigle|Abreviatura|Akronym|Ακρωνύμιο|Abkürzung',
    category: 'Category|Type|Kind|Categoria|Tipo|Kategorie|Κατηγορία|Kategória',
    programme: 'Programme|Funding programme|Programa|Operational programme|Πρόγραμμα|Förderprogramm',
    period: 'Period|Programming period|Período|Période|Zeitraum|Περίοδος|Förderperiode',
    scale: 'Scale|Level|Geographic scale|Escala|Échelle|Ámbito|Ebene|Επίπεδο|Úroveň',
    country:
      'Alpha two code|ISO|Country|Nation|País|Código país|Pays|Code pays|Código do país|Land|Χώρα|Ländercode',
    city: 'City|Town|Municipality|Ciudad|Municipio|Localidad|Ville|Commune|Cidade|Concelho|Stadt|Πόλη|Città',
    website:
      'Website|Web|URL|Homepage|Home page|Sitio web|Página|Domains|Domain|Dominio|Domaine|Webseite|Ιστοσελίδα|Webové stránky',
    description:
      'Description|Notes|Comments|Descripción|Notas|Comentarios|Remarques|Descrição|Observações|Beschreibung|Περιγραφή|Observații',
    languages: 'Language|Idiomas|Idioma|Lenguas|Langues|Langue|Linguas|Sprache|Γλώσσα|Język',
    stage: 'Stage|Engagement stage|Status|Estado|Étape|Statut|Estágio|Phase|Στάδιο|Fáze',
    contactName:
      'Contact|Persona de contacto|Contacto|Nom du contact|Contato|Pessoa de contato|Ansprechpartner|Υπεύθυνος επικοινωνίας|Kontaktní osoba',
    contactEmail:
      'Email|E-mail|Contact email|Mail|Correo|Courriel|Adresse e-mail|Adresse électronique|Primary email|Posta elettronica|Ηλεκτρονικό ταχυδρομείο|E-mailová adresa',
  },
  registrations: {
    name: 'Full name|Name|Attendee|Registrant|Participant|Nombre|Nom|Nome|Imię i nazwisko|Ονοματεπώνυμο|Imię|Izen-abizenak',
    email:
      'Email|Mail|Correo|Courriel|Adresse e-mail|Adres e-mail|Ηλεκτρονικό ταχυδρομείο|Adresă de e-mail|Posta elektronikoa',
    organisation:
      'Organisation|Organization|Institution|Company|Entity|Organización|Entidad|Institución|Organisme|Organização|Organizacja|Φορέας|Organizație|Erakundea',
    consent:
      'Consent|GDPR consent|Consentimiento|Consentement|Consentimento|Zgoda|Συναίνεση|Consimțământ|Baimena',
    attended:
      'Attended|Attendance|Present|Asistió|Asistencia|Presente|Présence|Presença|Obecność|Παρουσία|Prezență|Bertaratua',
  },
  contacts: {
    name: 'Full name|Display name|Name|Nombre|Nom|Nome|Vollständiger Name|Ονοματεπώνυμο|Imię i nazwisko',
    firstName: 'First name|Given name|Firstname|Nombre de pila|Prénom|Primeiro nome|Vorname|Όνομα|Imię',
    lastName:
      'Last name|Family name|Surname|Lastname|Apellidos|Apellido|Nom de famille|Sobrenome|Apelido|Nachname|Επώνυμο|Příjmení',
    email:
      'E-mail|Email|Primary email|Mail|Correo|Courriel|Adresse e-mail|Adresse électronique|Endereço de e-mail|Indirizzo email|Ηλεκτρονικό ταχυδρομείο|E-mailová adresa',
    phone: 'Phone|Téléphone|Work phone|Mobile|Teléfono|Móvil|Telefone|Celular|Telefon|Τηλέφωνο|Telefonszám',
    position: 'Job title|Title|Position|Role|Cargo|Puesto|Poste|Fonction|Função|Funktion|Θέση|Funcția',
    organisation:
      'Organisation|Organization|Company|Stakeholder|Institution|Organización|Empresa|Entidad|Organisme|Entreprise|Organização|Firma|Οργανισμός|Organizație',
    languages: 'Language|Idiomas|Idioma|Langues|Langue|Linguas|Sprache|Γλώσσα|Język',
    notes: 'Notes|Comments|Notas|Comentarios|Remarques|Observações|Notizen|Σημειώσεις|Observații',
  },
  actions: {
    date: 'Date|Day|Fecha|Dia|Jour|Datum|Ημερομηνία|Dátum',
    type: 'Type|Action type|Activity type|Tipo|Art|Τύπος|Typ działania',
    channel: 'Channel|Medium|Platform|Canal|Medio|Plataforma|Plateforme|Kanal|Κανάλι|Kanał',
    title:
      'Title|Action|Name|Subject|Título|Acción|Nombre|Asunto|Titre|Nom|Sujet|Ação|Assunto|Titel|Τίτλος|Tytuł',
    languages: 'Language|Idiomas|Idioma|Langues|Langue|Linguas|Sprache|Γλώσσα|Język',
    participants:
      'Participants|Attendees|People|Audience|Participantes|Asistentes|Personas|Pessoas|Teilnehmer|Συμμετέχοντες|Liczba uczestników',
    onlineReach:
      'Online reach|Reach|Impressions|Views|Alcance|Impresiones|Portée|Visualizações|Reichweite|Απήχηση|Zasięg',
    engagements:
      'Engagements|Engagement|Interactions|Interacciones|Interações|Interaktionen|Αλληλεπιδράσεις|Interacțiuni',
    evidenceUrl: 'Evidence|Link|URL|Enlace|Evidencia|Prueba|Lien|Preuve|Ligação|Nachweis|Απόδειξη|Dowód',
    stakeholders:
      'Stakeholders|Organisations reached|Partes interesadas|Actores|Entidades|Parties prenantes|Partes interessadas|Akteure|Ενδιαφερόμενα μέρη|Părți interesate',
    description:
      'Description|Notes|Comments|Descripción|Notas|Remarques|Descrição|Beschreibung|Περιγραφή|Leírás',
  },
}

/** Field, a header that names it, and the header that wins when both are in the file. */
const rivals: [ImportKind, string, string, string][] = [
  ['stakeholders', 'name', 'Organization name', 'Organisation name'],
  ['stakeholders', 'name', 'Organisation', 'Organization name'],
  ['stakeholders', 'name', 'Organización', 'Nombre de la organización'],
  ['stakeholders', 'name', 'Organisme', "Nom de l'organisation"],
  ['stakeholders', 'name', 'Organização', 'Nome da organização'],
  ['stakeholders', 'category', "Type d'organisation", 'Catégorie'],
  ['stakeholders', 'category', 'Kategorie', "Type d'organisation"],
  ['stakeholders', 'programme', 'Funding programme', 'Program'],
  ['stakeholders', 'programme', 'Operational programme', 'Programme de financement'],
  ['stakeholders', 'scale', 'Échelle', 'Nivel'],
  ['stakeholders', 'scale', 'Ámbito', 'Niveau'],
  ['stakeholders', 'country', 'ISO country', 'Country code'],
  ['stakeholders', 'country', 'ISO', 'ISO country'],
  ['stakeholders', 'website', 'Web pages', 'Web site'],
  ['stakeholders', 'website', 'Web page', 'Web pages'],
  ['stakeholders', 'website', 'Web', 'Web page'],
  ['stakeholders', 'website', 'Sitio web', 'Site'],
  ['stakeholders', 'website', 'Web oficial', 'Página web'],
  ['stakeholders', 'website', 'Site web', 'Web oficial'],
  ['stakeholders', 'website', 'Site internet', 'Site web'],
  ['stakeholders', 'website', 'Site da web', 'Site internet'],
  ['stakeholders', 'website', 'Página', 'Site da web'],
  ['stakeholders', 'description', 'Comments', 'Note'],
  ['stakeholders', 'languages', 'Language', 'Languages'],
  ['stakeholders', 'languages', 'Sprache', 'Lingua'],
  ['stakeholders', 'stage', 'Estado', 'Etapa'],
  ['stakeholders', 'stage', 'Étape', 'Fase'],
  ['stakeholders', 'contactName', 'Contact person', 'Contact name'],
  ['stakeholders', 'contactName', 'Persona de contacto', 'Contact person'],
  ['stakeholders', 'contactEmail', 'Email de contacto', 'Correo electrónico'],
  ['stakeholders', 'contactEmail', 'Courriel', 'Email de contacto'],
  ['stakeholders', 'contactEmail', 'Primary email', 'E-mail de contato'],
  ['registrations', 'name', 'Nombre', 'Nombre completo'],
  ['registrations', 'email', 'Email', 'E-mail'],
  ['registrations', 'email', 'Mail', 'Email address'],
  ['registrations', 'email', 'Courriel', 'Correo electrónico'],
  ['registrations', 'consent', 'Consentimiento', 'Consent given'],
  ['contacts', 'name', 'Nombre', 'Nombre completo'],
  ['contacts', 'name', 'Nom', 'Nom complet'],
  ['contacts', 'name', 'Nome', 'Nome completo'],
  ['contacts', 'email', 'E-mail address', 'Email address'],
  ['contacts', 'email', 'Mail', 'E-mail address'],
  ['contacts', 'email', 'Courriel', 'Correo electrónico'],
  ['contacts', 'phone', 'Mobile', 'Mobile number'],
  ['contacts', 'phone', 'Telefone', 'Téléphone portable'],
  ['contacts', 'languages', 'Language', 'Languages'],
  ['contacts', 'languages', 'Sprache', 'Lingua'],
  ['contacts', 'notes', 'Notes', 'Note'],
  ['actions', 'date', 'Datum', 'Data'],
  ['actions', 'type', "Type d'action", 'Tipo de acción'],
  ['actions', 'type', 'Tipo de ação', "Type d'action"],
  ['actions', 'type', 'Art', 'Tipo de ação'],
  ['actions', 'languages', 'Language', 'Languages'],
  ['actions', 'languages', 'Sprache', 'Lingua'],
  ['actions', 'participants', 'Pessoas', 'Participants présents'],
  ['actions', 'onlineReach', 'Impresiones', 'Alcance online'],
  ['actions', 'onlineReach', 'Visualizações', 'Impressions en ligne'],
  ['actions', 'engagements', 'Interações', 'Interactions en ligne'],
  ['actions', 'evidenceUrl', 'Evidence', 'Evidence link'],
  ['actions', 'evidenceUrl', 'Link', 'Evidence URL'],
  ['actions', 'evidenceUrl', 'Nachweis', 'Evidencia link'],
  ['actions', 'stakeholders', 'Organisations reached', 'Stakeholders reached'],
]

describe('a header alone in the row fills its field', () => {
  const cases = Object.entries(alone).flatMap(([kind, fields]) =>
    Object.entries(fields).flatMap(([field, headers]) =>
      headers.split('|').map((header) => [kind as ImportKind, header, field] as const),
    ),
  )

  it.each(cases)('%s: "%s" is the %s', (kind, header, field) => {
    expect(headed(kind, [header])).toStrictEqual(only(kind, { [field]: header }))
  })
})

describe('of two headers for one field, the better name wins whatever the order', () => {
  it.each(rivals)('%s %s: "%s" gives way to "%s"', (kind, field, loser, winner) => {
    expect(headed(kind, [loser, winner])[field]).toBe(winner)
    expect(headed(kind, [winner, loser])[field]).toBe(winner)
  })
})

describe('the fields of each kind, and the ones a mapping cannot leave out', () => {
  it('lists the fields in the order the mapping page shows them', () => {
    expect(fieldsOf('stakeholders')).toEqual([
      'name',
      'acronym',
      'category',
      'programme',
      'period',
      'scale',
      'country',
      'city',
      'website',
      'description',
      'languages',
      'stage',
      'contactName',
      'contactEmail',
    ])
    expect(fieldsOf('registrations')).toEqual(['name', 'email', 'organisation', 'consent', 'attended'])
    expect(fieldsOf('contacts')).toEqual([
      'name',
      'firstName',
      'lastName',
      'email',
      'phone',
      'position',
      'organisation',
      'languages',
      'notes',
    ])
    expect(fieldsOf('actions')).toEqual([
      'date',
      'type',
      'channel',
      'title',
      'languages',
      'participants',
      'onlineReach',
      'engagements',
      'evidenceUrl',
      'stakeholders',
      'description',
    ])
  })

  /** A job of the kind with these headers and this mapping, as mappingProblems reads it. */
  const job = (kind: ImportKind, mapping: Record<string, string>) =>
    ({ kind, headers: Object.values(mapping), mapping }) as unknown as ImportJob

  it.each([
    ['stakeholders', {}, ['name', 'category']],
    ['stakeholders', { name: 'Nazwa podmiotu', category: 'Rodzaj' }, []],
    ['registrations', {}, ['name', 'consent']],
    ['registrations', { name: 'Izen-abizenak' }, ['consent']],
    ['registrations', { name: 'Izen-abizenak', consent: 'Baimena' }, []],
    ['actions', {}, ['date', 'type', 'title']],
    ['actions', { date: 'Ημερομηνία', type: 'Τύπος', title: 'Τίτλος' }, []],
    ['contacts', {}, ['name']],
    ['contacts', { lastName: 'Šťastný' }, []],
  ] as const)('%s mapped as %j misses %j', (kind, mapping, missing) => {
    expect(mappingProblems(job(kind, mapping))).toEqual(missing)
  })
})

describe('header rows as partners send them', () => {
  it('a Basque and a Polish list of registrants', () => {
    const basque = ['Izen-abizenak', 'Posta elektronikoa', 'Erakundea', 'Baimena', 'Bertaratua']
    expect(headed('registrations', basque)).toStrictEqual({
      name: 'Izen-abizenak',
      email: 'Posta elektronikoa',
      organisation: 'Erakundea',
      consent: 'Baimena',
      attended: 'Bertaratua',
    })
    const polish = ['Lp.', 'Imię i nazwisko', 'Adres e-mail', 'Instytucja', 'Zgoda RODO', 'Obecność']
    expect(headed('registrations', polish)).toStrictEqual({
      name: 'Imię i nazwisko',
      email: 'Adres e-mail',
      organisation: 'Instytucja',
      consent: 'Zgoda RODO',
      attended: 'Obecność',
    })
  })

  it('a Greek list of beneficiaries', () => {
    const headers = ['Α/Α', 'Επωνυμία', 'Ακρωνύμιο', 'Κατηγορία', 'Χώρα', 'Πόλη', 'Ιστοσελίδα', 'Σχόλια']
    expect(headed('stakeholders', headers)).toStrictEqual(
      only('stakeholders', {
        name: 'Επωνυμία',
        acronym: 'Ακρωνύμιο',
        category: 'Κατηγορία',
        country: 'Χώρα',
        city: 'Πόλη',
        website: 'Ιστοσελίδα',
        description: 'Σχόλια',
      }),
    )
  })

  it('Czech contacts, and Spanish ones with the first name beside the surnames', () => {
    const czech = ['Jméno', 'Příjmení', 'E-mailová adresa', 'Telefon', 'Funkce', 'Organizace', 'Poznámky']
    expect(headed('contacts', czech)).toStrictEqual(
      only('contacts', {
        firstName: 'Jméno',
        lastName: 'Příjmení',
        email: 'E-mailová adresa',
        phone: 'Telefon',
        position: 'Funkce',
        organisation: 'Organizace',
        notes: 'Poznámky',
      }),
    )
    expect(headed('contacts', ['Nombre', 'Apellidos', 'Correo electrónico'])).toStrictEqual(
      only('contacts', { firstName: 'Nombre', lastName: 'Apellidos', email: 'Correo electrónico' }),
    )
  })

  it('a Romanian log of actions', () => {
    const headers = [
      'Dată',
      'Tip acțiune',
      'Canal',
      'Titlu',
      'Participanți',
      'Vizualizări',
      'Dovadă',
      'Descriere',
    ]
    expect(headed('actions', headers)).toStrictEqual(
      only('actions', {
        date: 'Dată',
        type: 'Tip acțiune',
        channel: 'Canal',
        title: 'Titlu',
        participants: 'Participanți',
        onlineReach: 'Vizualizări',
        evidenceUrl: 'Dovadă',
        description: 'Descriere',
      }),
    )
  })
})
