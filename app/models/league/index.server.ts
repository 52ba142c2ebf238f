/**
 * The partner league's public server entry: standings of partners and partner groups (never
 * people) from validated actions, weighted by the plan's priorities, and the communications lead's
 * switch. The rule table (./rules), the filters (./schemas) and the policy (./policy) are
 * client-safe.
 */

export { setLeagueEnabled } from './commands.server'
export {
  leagueEnabled,
  leagueGroups,
  leaguePeriodOf,
  type LeagueRow,
  leagueStandings,
} from './queries.server'
