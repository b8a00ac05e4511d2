import type { Page } from 'playwright-core';
import type { DemoUser } from './browser-demo.js';
import type { World } from './world.js';

/** The API from Node, as an integration would call it with a browser's session, and from inside a page. */

export interface ApiSession {
  send(method: string, path: string, body?: string | object): Promise<Response>;
}

export async function apiSession(world: World, user: DemoUser): Promise<ApiSession> {
  const login = await fetch(`${world.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (!login.ok) throw new Error(`login ${user.email}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    send: (method, path, body) =>
      fetch(`${world.url}${path}`, {
        method,
        headers: {
          cookie,
          ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
          ...(body === undefined || typeof body === 'string' ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
  };
}

/** fetch from inside the page (its cookie), with the CSRF token the app holds, answering status and body. */
export function pageFetch(
  page: Page,
  method: string,
  path: string,
  body?: object,
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: {
          ...(method === 'GET' ? {} : { 'x-csrf-token': me.csrfToken }),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // keep the text
      }
      return { status: response.status, body: parsed };
    },
    { method, path, body },
  );
}
