import { describe, expect, it } from 'vitest'

import { prepareEvidenceFiles } from '~/models/actions/index.server'
import {
  addOutcomeFiles,
  createOutcome,
  listOutcomeFiles,
  outcomeFileContent,
  OutcomeForbiddenError,
  outcomeFormSchema,
  setOutcomeArchived,
  setOutcomeFileArchived,
  setOutcomeStatus,
} from '~/models/outcomes/index.server'

import { demo } from '../setup/actors'
import { lastAudit } from '../setup/audit'
import { tx } from '../setup/db'

/*
 * An outcome's evidence files: who may add, archive, list and read them, and what is audited.
 * The demo partner (partner@) is partner 1's; partner2@ is another partner's.
 */

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

async function evidence(fileName: string) {
  const prepared = await prepareEvidenceFiles([{ fileName, bytes: pdf, tooLarge: false }], 1024 * 1024)
  if (!prepared.ok) throw new Error('the test PDF was refused')
  return prepared.files
}
const outcome = () =>
  tx((t) =>
    createOutcome(
      t,
      outcomeFormSchema.parse({ type: 'media', date: '2026-04-04', title: 'Artykuł w Gazecie Łódzkiej' }),
      demo.partner(),
    ),
  )

describe('outcome evidence files', () => {
  it('its partner adds files, audited with their name and size', async () => {
    const id = outcome()
    const files = await evidence('Uchwała Rady Miasta Łodzi.pdf')
    const [fileId] = tx((t) => addOutcomeFiles(t, id, files, demo.partner()))
    expect(lastAudit('outcome_file', fileId)).toMatchObject({
      action: 'create',
      userId: demo.partner().id,
      after: {
        outcomeId: id,
        kind: 'pdf',
        originalName: 'Uchwała Rady Miasta Łodzi.pdf',
        size: pdf.length,
      },
      summary: 'Uchwała Rady Miasta Łodzi.pdf',
    })
    const listed = listOutcomeFiles(id, demo.viewer())
    expect(listed.files.map((f) => [f.id, f.originalName, f.contentType, f.size])).toEqual([
      [fileId, 'Uchwała Rady Miasta Łodzi.pdf', 'application/pdf', pdf.length],
    ])
    expect(listed.archived).toEqual([])
    const content = outcomeFileContent(id, fileId, demo.viewer())!
    expect(content).toMatchObject({ contentType: 'application/pdf', size: pdf.length })
    expect(Buffer.from(content.data).equals(pdf)).toBe(true)
    expect(outcomeFileContent(id, fileId, demo.viewer(), 'thumbnail')).toBeNull()
    expect(outcomeFileContent(id + 1, fileId, demo.viewer())).toBeNull()
    expect(outcomeFileContent(999_999, fileId, demo.viewer())).toBeNull()
    expect(listOutcomeFiles(999_999, demo.viewer())).toEqual({ files: [], archived: [] })
  })

  it('refuses files from another partner, on an archived outcome, or on a verified one from its partner', async () => {
    const files = await evidence('dowód.pdf')
    const id = outcome()
    expect(() => tx((t) => addOutcomeFiles(t, id, files, demo.partner2()))).toThrow(OutcomeForbiddenError)
    expect(() => tx((t) => addOutcomeFiles(t, 999_999, files, demo.comms()))).toThrow(OutcomeForbiddenError)
    tx((t) => setOutcomeStatus(t, id, 'verified', demo.comms()))
    expect(() => tx((t) => addOutcomeFiles(t, id, files, demo.partner()))).toThrow(OutcomeForbiddenError)
    expect(tx((t) => addOutcomeFiles(t, id, files, demo.comms()))).toHaveLength(1)
    const archived = outcome()
    tx((t) => setOutcomeArchived(t, archived, true, demo.partner()))
    expect(() => tx((t) => addOutcomeFiles(t, archived, files, demo.comms()))).toThrow(OutcomeForbiddenError)
  })

  it('archives and restores a file once, audited; an archived file is listed and read only by who may restore it', async () => {
    const id = outcome()
    const files = await evidence('Θεσσαλονίκη.pdf')
    const [fileId] = tx((t) => addOutcomeFiles(t, id, files, demo.partner()))
    expect(tx((t) => setOutcomeFileArchived(t, id, 999_999, true, demo.partner()))).toBe(false)
    expect(tx((t) => setOutcomeFileArchived(t, id, fileId, false, demo.partner()))).toBe(true)
    expect(lastAudit('outcome_file', fileId).action).toBe('create')
    expect(tx((t) => setOutcomeFileArchived(t, id, fileId, true, demo.partner()))).toBe(true)
    const audit = lastAudit('outcome_file', fileId)
    expect(audit).toMatchObject({
      action: 'archive',
      before: { archivedAt: null },
      summary: 'Θεσσαλονίκη.pdf',
    })
    expect(audit.after!.archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(tx((t) => setOutcomeFileArchived(t, id, fileId, true, demo.partner()))).toBe(true)
    expect(lastAudit('outcome_file', fileId).id).toBe(audit.id)

    expect(listOutcomeFiles(id, demo.partner()).archived.map((f) => f.id)).toEqual([fileId])
    expect(listOutcomeFiles(id, demo.partner()).files).toEqual([])
    expect(listOutcomeFiles(id, demo.viewer()).archived).toEqual([])
    expect(outcomeFileContent(id, fileId, demo.viewer())).toBeNull()
    expect(outcomeFileContent(id, fileId, demo.partner())).toMatchObject({ size: pdf.length })
    // A file of another outcome is not this one's.
    const other = outcome()
    expect(tx((t) => setOutcomeFileArchived(t, other, fileId, false, demo.partner()))).toBe(false)
    expect(outcomeFileContent(other, fileId, demo.partner())).toBeNull()
    expect(() => tx((t) => setOutcomeFileArchived(t, id, fileId, false, demo.partner2()))).toThrow(
      OutcomeForbiddenError,
    )
    expect(tx((t) => setOutcomeFileArchived(t, id, fileId, false, demo.partner()))).toBe(true)
    expect(lastAudit('outcome_file', fileId)).toMatchObject({
      action: 'restore',
      after: { archivedAt: null },
    })
  })
})
