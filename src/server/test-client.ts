import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './deps.js';

/** A cookie-keeping client over app.request (tests only): no network, the real app. */
export class TestClient {
  private cookie = '';
  csrf = '';

  constructor(private readonly app: OpenAPIHono<AppEnv>) {}

  async login(email: string, password: string): Promise<Response> {
    const response = await this.send('POST', '/api/login', { email, password });
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0] ?? '';
    if (response.ok) this.csrf = ((await response.clone().json()) as { csrfToken: string }).csrfToken;
    return response;
  }

  send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const init: RequestInit = {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body === undefined || typeof body === 'string' ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    };
    return Promise.resolve(this.app.request(path, init));
  }

  async json<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await this.send(method, path, body);
    return { status: response.status, body: (await response.json()) as T };
  }
}
