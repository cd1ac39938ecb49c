import type { LoginInput, Me, SignupInput } from '@coinbook/api/contracts'
import { apiRequest } from '../../api/client'
import { isProblem } from '../../api/problem'

/** The caller, or null when nobody is signed in. */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiRequest<Me>('/auth/me', { signal })
  } catch (error) {
    if (isProblem(error, 'unauthorized')) return null
    throw error
  }
}

export function login(input: LoginInput): Promise<Me> {
  return apiRequest<Me>('/auth/login', { method: 'POST', body: input })
}

export function signup(input: SignupInput): Promise<Me> {
  return apiRequest<Me>('/auth/signup', { method: 'POST', body: input })
}

export function logout(): Promise<void> {
  return apiRequest<void>('/auth/logout', { method: 'POST' })
}
