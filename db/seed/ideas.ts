import type { DB } from '../client'
import { ideaComments, ideaMembers, ideas, ideaSupports, plannedActivities } from '../schema'
import type { CoreSeed } from './core'

/**
 * The co-creation board after the partner meeting in Gdańsk: post-its typed in by the partners
 * themselves (San Sebastián, Barcelona) and, for cities without an account yet, transcribed by the
 * communications lead under their partner (Gdańsk in Polish, the Thessaloniki guest in Greek).
 */
export function seedIdeas(db: DB, core: CoreSeed) {
  const user = (email: string) => core.userIds.get(email)!
  const partner = (name: string) => core.partnerIds.get(name) ?? null
  const comms = user('comms@demo.ripple')
  const ss = user('partner@demo.ripple')
  const bcn = user('partner2@demo.ripple')
  const at = (day: string) => `${day}T10:00:00.000Z`

  const activityId = db
    .insert(plannedActivities)
    .values({
      title: 'Guía común de lenguaje claro para notas de prensa',
      description: 'Adoptada del tablero de co-creación.',
      partnerId: partner('Barcelona'),
      dueDate: '2027-03-31',
    })
    .returning({ id: plannedActivities.id })
    .get().id

  const rows: (typeof ideas.$inferInsert)[] = [
    {
      column: 'partner',
      title: 'Organizamos un podcast mensual con vecinas y vecinos de Egia',
      body: 'Grabamos en la biblioteca del barrio; cada episodio presenta una acción del proyecto en euskera y castellano.',
      authorId: ss,
      partnerId: partner('San Sebastián'),
      createdAt: at('2026-10-14'),
    },
    {
      column: 'project',
      title: 'Guía común de lenguaje claro para notas de prensa',
      body: 'Una plantilla compartida en los siete idiomas de trabajo, con ejemplos de titulares.',
      authorId: bcn,
      partnerId: partner('Barcelona'),
      status: 'adopted',
      activityId,
      createdAt: at('2026-10-14'),
    },
    {
      column: 'partner',
      title: 'Możemy zorganizować spacer badawczy po Stoczni dla partnerów',
      body: 'Gdańsk przygotuje trasę z przewodnikami i materiały po angielsku i polsku (ł, ż, ś, ć bez problemu).',
      authorId: comms,
      partnerId: partner('Gdańsk'),
      createdAt: at('2026-10-15'),
    },
    {
      column: 'project',
      title: 'Κοινή καμπάνια στα μέσα κοινωνικής δικτύωσης για την Ευρωπαϊκή Εβδομάδα Περιφερειών',
      body: 'Πρόταση από την επισκέπτρια της Θεσσαλονίκης: ένα κοινό hashtag και βίντεο 30 δευτερολέπτων από κάθε πόλη.',
      authorId: comms,
      partnerId: null,
      createdAt: at('2026-10-15'),
    },
    {
      column: 'project',
      title: 'Un concurso de fotografía entre las ocho ciudades',
      body: 'Premio: publicar las fotos ganadoras en la web del proyecto.',
      authorId: ss,
      partnerId: partner('San Sebastián'),
      status: 'closed',
      closeReason: 'Ya lo cubre la campaña de verano del plan de comunicación.',
      createdAt: at('2026-10-16'),
    },
  ]
  const ids = rows.map((row) => db.insert(ideas).values(row).returning({ id: ideas.id }).get().id)
  const [podcast, guide, walk, campaign] = ids as [number, number, number, number]
  db.insert(ideaSupports)
    .values([
      { ideaId: podcast, userId: bcn },
      { ideaId: podcast, userId: comms },
      { ideaId: walk, userId: ss },
      { ideaId: walk, userId: bcn },
      { ideaId: campaign, userId: ss },
      { ideaId: guide, userId: ss },
    ])
    .run()
  db.insert(ideaMembers)
    .values([
      { ideaId: walk, userId: ss },
      { ideaId: walk, userId: bcn },
      { ideaId: guide, userId: bcn },
      { ideaId: campaign, userId: comms },
    ])
    .run()
  db.insert(ideaComments)
    .values([
      {
        ideaId: podcast,
        userId: bcn,
        body: 'Nos encantaría copiar el formato en Sants. ¿Compartís la guía de grabación?',
      },
      { ideaId: walk, userId: bcn, body: '¡Sí! Podríamos hacerlo el día antes de la reunión de primavera.' },
      { ideaId: walk, userId: comms, body: 'Dziękujemy! Zapiszę to w planie spotkania.' },
    ])
    .run()
}
