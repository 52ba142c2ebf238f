/**
 * The co-creation board's public server entry: proposals in two columns, their support, comments
 * and working groups, and the communications lead's decisions. Client-safe forms and policy live in
 * ./schemas and ./policy.
 */

export {
  adoptIdea,
  closeIdea,
  commentOnIdea,
  createIdea,
  setIdeaMembership,
  setIdeaSupport,
  updateIdea,
  withdrawIdea,
} from './commands.server'
export { getIdea, ideaDetail, ideaForActivity, ideaPartnerOptions, listIdeas } from './queries.server'
