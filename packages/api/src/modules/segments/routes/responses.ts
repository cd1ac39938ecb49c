import { problemSchema } from '../../../http/openapi.js'

/** The 422 of a rule that does not validate; `errors[].path` names the node (`rule.all[2].op`). */
export const invalidRuleResponse = {
  422: {
    description: 'The rule is not valid; each error names its node, e.g. rule.all[2].op',
    content: { 'application/problem+json': { schema: problemSchema } },
  },
} as const
