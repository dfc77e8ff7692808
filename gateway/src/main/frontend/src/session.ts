import { api } from './api';

/** Who is signed in, as the gateway tells it (`GET /api/session`); anonymous until it answered. */
export interface Session {
  authenticated: boolean;
  name?: string;
  email?: string;
}

let current: Session = { authenticated: false };

export function session(): Session {
  return current;
}

export async function loadSession(): Promise<Session> {
  const result = await api.get<Session>('/api/session');
  current = result.ok && result.data.authenticated ? result.data : { authenticated: false };
  return current;
}
