import { api } from './api';

/**
 * Who is signed in, as the gateway tells it (`GET /api/session`); anonymous until it answered. `roles` are the
 * user's Keycloak realm roles when the gateway sends them (`operator` opens the operators' pages).
 */
export interface Session {
  authenticated: boolean;
  name?: string;
  email?: string;
  roles?: string[];
}

let current: Session = { authenticated: false };

export function session(): Session {
  return current;
}

/** Whether the signed-in user holds Keycloak's realm role `operator` (R-OPS-4); the API checks it again. */
export function isOperator(who: Session = current): boolean {
  return who.authenticated && Array.isArray(who.roles) && who.roles.includes('operator');
}

export async function loadSession(): Promise<Session> {
  const result = await api.get<Session>('/api/session');
  current = result.ok && result.data.authenticated ? result.data : { authenticated: false };
  return current;
}

/** The session ended while the page was open (an answer said 401): nobody is signed in any more. */
export function forgetSession(): void {
  current = { authenticated: false };
}
