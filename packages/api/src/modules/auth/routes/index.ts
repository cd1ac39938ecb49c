import { createRouter } from '../../../http/router.js'
import { loginRoute } from './login.js'
import { logoutRoute } from './logout.js'
import { meRoute } from './me.js'
import { signupRoute } from './signup.js'

/** Routes anyone may call: sign up, log in, log out. */
export const publicAuthRoutes = createRouter()
  .route('/', signupRoute)
  .route('/', loginRoute)
  .route('/', logoutRoute)

/** Routes that need a caller. */
export const authRoutes = createRouter().route('/', meRoute)
