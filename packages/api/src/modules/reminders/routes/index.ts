export { customerReminderPolicyRoutes } from './customer-policy.js'
export { reminderPolicyRoutes } from './policy.js'
