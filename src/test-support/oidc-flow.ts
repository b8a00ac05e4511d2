/**
 * A browser's part of the code flow, with fetch: cookies kept per origin, redirects
 * followed by hand, the provider's login and consent forms submitted, until the provider
 * redirects back to the relying party's callback (returned, not visited, so a test can
 * visit it, replay it or tamper with it).
 */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  keep(url: string, response: Response): void {
    const origin = new URL(url).origin;
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    this.byOrigin.set(origin, jar);
  }

  header(url: string): string {
    const jar = this.byOrigin.get(new URL(url).origin) ?? new Map();
    return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(url: string, name: string): string | undefined {
    return this.byOrigin.get(new URL(url).origin)?.get(name);
  }
}

export async function visit(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) },
  });
  jar.keep(url, response);
  return response;
}

const attribute = (tag: string, name: string) => tag.match(new RegExp(`${name}="([^"]*)"`))?.[1];

/** The page's form as the browser would post it, with the fields given filled in. */
function formOf(
  html: string,
  base: string,
  fill: Record<string, string>,
): { action: string; body: URLSearchParams } {
  const form = html.match(/<form[^>]*>/)?.[0];
  const action = form ? attribute(form, 'action') : undefined;
  if (!action) throw new Error(`no form on the provider's page: ${html.slice(0, 300)}`);
  const body = new URLSearchParams();
  for (const input of html.match(/<input[^>]*>/g) ?? []) {
    const name = attribute(input, 'name');
    if (name) body.set(name, fill[name] ?? attribute(input, 'value') ?? '');
  }
  return { action: new URL(action.replace(/&amp;/g, '&'), base).href, body };
}

export async function signInAtProvider(
  jar: CookieJar,
  startUrl: string,
  account: string,
  callbackPrefix: string,
): Promise<URL> {
  let url = startUrl;
  for (let step = 0; step < 20; step += 1) {
    let response = await visit(jar, url);
    if (response.status === 200) {
      const { action, body } = formOf(await response.text(), url, { login: account, password: 'any' });
      response = await visit(jar, action, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      url = action;
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location)
      throw new Error(`${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    const next = new URL(location, url);
    if (next.href.startsWith(callbackPrefix)) return next;
    url = next.href;
  }
  throw new Error('the provider did not redirect back within 20 steps');
}
