/** fetch against /api on the same origin: the session cookie goes along, mutations carry the CSRF token. */

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: unknown[] = [],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** Fired on any 401 so the session can send the user to the login page. */
export const UNAUTHORIZED_EVENT = 'covenant:unauthorized';

let csrfToken = '';
export const setCsrfToken = (token: string): void => {
  csrfToken = token;
};

async function failureOf(response: Response): Promise<ApiFailure> {
  let message = `${response.status} ${response.statusText}`;
  let issues: unknown[] = [];
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string') {
      message = body.error;
      if ('issues' in body && Array.isArray(body.issues)) issues = body.issues;
    }
  } catch {
    // not JSON: keep the status line
  }
  if (response.status === 429) {
    const retry = response.headers.get('retry-after');
    if (retry) message = `${message} (try again in ${retry} s)`;
  }
  return new ApiFailure(response.status, message, issues);
}

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`/api${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  if (!response.ok) {
    const failure = await failureOf(response);
    if (response.status === 401 && path !== '/login') window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
    throw failure;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const apiGet = <T>(path: string, signal?: AbortSignal): Promise<T> =>
  request<T>('GET', path, undefined, signal);

export const apiPost = <T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T> =>
  request<T>('POST', path, body ?? {}, signal);

export const apiPut = <T>(path: string, body: unknown): Promise<T> => request<T>('PUT', path, body);

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A POST whose answer is a file (a download): the bytes as a Blob. */
export async function apiPostBlob(path: string, body: unknown): Promise<Blob> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`/api${path}`, {
    method: 'POST',
    headers,
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await failureOf(response);
  return response.blob();
}
