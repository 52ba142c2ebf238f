import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

/*
 * Every exported command of the command modules is run as an allowed and as a refused role (the
 * `command: '…'` cases of the policy tables below), or is listed here as no command, with why.
 * A new exported function in a command module fails this test, naming it, until it has its cases
 * (or its reason): a command cannot be added unchecked and untested.
 */

const root = path.resolve(__dirname, '../..')
const models = path.join(root, 'app/models')

/** The tables of allowed and refused runs, one `command: 'name …'` per case. */
const policyTables = [
  'tests/unit/command-policy.test.ts',
  'tests/unit/command-policy-more.test.ts',
  'tests/unit/command-policy-all.test.ts',
]

/** Modules that write besides app/models/<area>/commands*: any module whose exports write. */
const otherCommandModules = [
  'account/index.server.ts',
  'accounts/invitations.server.ts',
  'accounts/reset.server.ts',
  'actions/list-entries.server.ts',
  'actions/notifications.server.ts',
  'admin/backup.server.ts',
  'admin/categories.server.ts',
  'admin/partners.server.ts',
  'admin/project.server.ts',
  'calendar/token.server.ts',
  'imports/contact-import.server.ts',
  'imports/encoding-choice.server.ts',
  'imports/job-values.server.ts',
  'imports/job.server.ts',
  'imports/stakeholder-import.server.ts',
  'jobs/admin.server.ts',
  'mail/preferences.server.ts',
  'outcomes/files.server.ts',
  'priorities/criteria.server.ts',
  'priorities/scores.server.ts',
  'priorities/strategies.server.ts',
  'stakeholders/categories.server.ts',
  'stakeholders/dismissals.server.ts',
  'stakeholders/merge.server.ts',
]

/** app/models/<area>/*commands*.server.ts, <area>/commands/*.server.ts and <area>/<part>/commands.server.ts. */
function commandModules(): string[] {
  const found: string[] = []
  for (const area of fs.readdirSync(models)) {
    const dir = path.join(models, area)
    if (!fs.statSync(dir).isDirectory()) continue
    for (const entry of fs.readdirSync(dir)) {
      const full = path.join(dir, entry)
      if (fs.statSync(full).isDirectory()) {
        for (const inner of fs.readdirSync(full))
          if (entry === 'commands' ? inner.endsWith('.server.ts') : inner === 'commands.server.ts')
            found.push(path.join(full, inner))
      } else if (/commands.*\.server\.ts$/.test(entry)) found.push(full)
    }
  }
  return [...found, ...otherCommandModules.map((m) => path.join(models, m))].sort()
}

const reason = {
  read: 'reads only (a query, a lookup or a policy answer); writes nothing',
  helper: 'a step of the commands named, which check the actor before calling it',
  system: 'run by the scheduler or a job, with no user acting; see tests/unit/jobs.test.ts',
  own: 'acts on the acting user’s own row only (it takes no other user): there is no one to refuse',
  token:
    'authorised by a single-use or signed link, not a role: forged, expired and used links are refused in its tests',
}

/** Exported functions of the command modules that are not commands run by a role, and why. */
const notCommands: Record<string, string> = {
  // Reads.
  actionIdByClientKey: reason.read,
  actorForCalendarToken: reason.read,
  adapterFor: reason.read,
  canRunJob: reason.read,
  categoriesWithCounts: reason.read,
  categoryExists: reason.read,
  contactAdapter: reason.read,
  databaseFileName: reason.read,
  dismissedMemberKeys: reason.read,
  emailKeyOf: reason.read,
  evidenceFolderName: reason.read,
  getCriterion: reason.read,
  getGroup: reason.read,
  getImportJob: reason.read,
  getPartner: reason.read,
  getProject: reason.read,
  groupStrategies: reason.read,
  groupsOfStakeholder: reason.read,
  hasCalendarToken: reason.read,
  importFormOptions: reason.read,
  isScorableStakeholder: reason.read,
  jobDecisions: reason.read,
  jobEncoding: reason.read,
  jobMapping: reason.read,
  jobOptions: reason.read,
  jobUnmatchedValues: reason.read,
  jobReport: reason.read,
  labelledEntries: reason.read,
  linksOf: reason.read,
  listCategories: reason.read,
  listCriteria: reason.read,
  listDuplicateDismissals: reason.read,
  listEntries: reason.read,
  listEntryNameTaken: reason.read,
  listJobs: reason.read,
  listNotifications: reason.read,
  listOutcomeFiles: reason.read,
  listPartners: reason.read,
  listThemes: reason.read,
  mappingProblems: reason.read,
  memberKeyOf: reason.read,
  notificationSettings: reason.read,
  now: reason.read,
  outcomeFileContent: reason.read,
  partnerChoices: reason.read,
  previewJob: reason.read,
  previewStakeholderImport: reason.read,
  projectSummary: reason.read,
  quadrantStrategies: reason.read,
  registrationColumns: reason.read,
  reportRows: reason.read,
  scoreHistory: reason.read,
  scoreHistoryPanel: reason.read,
  stakeholderAdapter: reason.read,
  stakeholderName: reason.read,
  strategyForStakeholder: reason.read,
  unreadCount: reason.read,
  assertSize: reason.read,
  uploadLimitBytes: reason.read,
  // Steps of checked commands.
  eraseRegistrantsOf: `${reason.helper} (eraseContact)`,
  notifyActionReturned: `${reason.helper} (setActionStatus)`,
  rememberFormChoices: `${reason.helper} (createAction, updateAction)`,
  saveJobDecisions: `${reason.helper} (the import pages, on a job getImportJob gave its owner; a draft)`,
  saveJobMapping: `${reason.helper} (the import pages, on a job getImportJob gave its owner; a draft)`,
  saveJobValueChoices: `${reason.helper} (the import pages: the owner’s remembered choices)`,
  writeLinks: `${reason.helper} (createAction, updateAction)`,
  writeStakeholderFields: `${reason.helper} (createStakeholder, updateStakeholder)`,
  // No user acting.
  purgeExpiredRegistrants: reason.system,
  refreshEvidence: `${reason.system}; refreshActionEvidence is the user's command`,
  refreshStaleEvidence: reason.system,
  // One's own account (tests/unit/command-policy-all.test.ts runs each for its user).
  changeOwnPassword: reason.own,
  markRead: reason.own,
  setOwnLocale: reason.own,
  // Links sent by e-mail.
  acceptInvitation: `${reason.token} (tests/unit/accounts.test.ts)`,
  requestPasswordReset: `${reason.token} (tests/unit/accounts.test.ts)`,
  resetPasswordWithLink: `${reason.token} (tests/unit/accounts.test.ts)`,
  unsubscribe: `${reason.token} (tests/unit/mail.test.ts)`,
}

/** Commands run as an allowed and a refused role outside the `command:` tables, and where. */
const elsewhere: Record<string, string> = {
  resetCalendarToken: 'tests/unit/command-policy-all.test.ts',
}

/** The command names of the policy tables' cases (`command: 'a + b (which)'` names a and b). */
function tabled(): Set<string> {
  const names = new Set<string>()
  for (const file of policyTables) {
    const text = fs.readFileSync(path.join(root, file), 'utf8')
    for (const [, label] of text.matchAll(/command: '([^']+)'/g))
      for (const part of label.replace(/\s*\(.*$/, '').split('+')) names.add(part.trim())
  }
  return names
}

const isClass = (value: unknown) =>
  typeof value === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(value))

async function exportedFunctions() {
  const found: { name: string; module: string }[] = []
  for (const file of commandModules()) {
    const module = (await import(file)) as Record<string, unknown>
    for (const [name, value] of Object.entries(module))
      if (typeof value === 'function' && !isClass(value))
        found.push({ name, module: path.relative(root, file) })
  }
  return found
}

describe('every exported command has its allowed and refused runs', () => {
  it('finds the command modules', () => {
    const modules = commandModules().map((m) => path.relative(models, m))
    expect(modules).toEqual(
      expect.arrayContaining(['actions/commands/status.server.ts', 'jobs/admin.server.ts']),
    )
    expect(modules.length).toBeGreaterThanOrEqual(40)
    for (const m of modules) expect(fs.existsSync(path.join(models, m)), m).toBe(true)
  })

  it('no exported command is missing from the policy tables', { timeout: 60_000 }, async () => {
    const covered = tabled()
    const missing = (await exportedFunctions())
      .filter(({ name }) => !covered.has(name) && !(name in notCommands) && !(name in elsewhere))
      .map(({ name, module }) => `${name} (${module})`)
    expect(missing, 'commands with no allowed/refused case: add them to a command-policy table').toEqual([])
  })

  it('the lists name only functions that exist, each in one list', { timeout: 60_000 }, async () => {
    const exported = new Set((await exportedFunctions()).map((f) => f.name))
    const covered = tabled()
    const stale = [...Object.keys(notCommands), ...Object.keys(elsewhere)].filter((n) => !exported.has(n))
    expect(stale, 'listed but no longer exported').toEqual([])
    const both = Object.keys(notCommands).filter((n) => covered.has(n) || n in elsewhere)
    expect(both, 'a tested command is not "no command"').toEqual([])
  })

  it('a command tested elsewhere is run there and refused there', () => {
    for (const [name, file] of Object.entries(elsewhere)) {
      const text = fs.readFileSync(path.join(root, file), 'utf8')
      expect(text, `${name} in ${file}`).toContain(`${name}(`)
      expect(text, `${name}'s refusal in ${file}`).toMatch(new RegExp(`${name}\\([^)]*\\)\\)\\.toThrow\\(`))
    }
  })
})
