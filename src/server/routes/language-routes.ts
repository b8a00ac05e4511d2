import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { LANGUAGES } from '../../core/i18n/index.js';
import { principalOf, tenantOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { languagePreferences, setTenantLanguage, setUserLanguage } from '../language-preferences.js';
import { Forbidden } from '../scope.js';
import { storeOf } from '../session-scope.js';

const Language = z.enum(LANGUAGES);
const Preferences = z.object({
  language: Language,
  user: Language.nullable(),
  tenantDefault: Language.nullable(),
  languages: z.array(Language),
});
const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/**
 * GET/PUT /api/me/language: the signed-in user's language (null: the tenant's default);
 * PUT /api/tenant/language: the tenant's default (client admins).
 */
export function languageRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const answer = async (c: Parameters<Parameters<typeof app.openapi>[1]>[0]) => {
    const principal = principalOf(c);
    const found = await languagePreferences(storeOf(c, deps), tenantOf(c), principal.user.email);
    return { ...found, languages: [...LANGUAGES] } as z.infer<typeof Preferences>;
  };
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/me/language',
      operationId: 'getLanguage',
      summary: 'The signed-in user’s language',
      tags: ['preferences'],
      responses: { 200: json(Preferences, 'the language used, the user’s choice and the tenant default') },
    }),
    async (c) => c.json(await answer(c), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/me/language',
      operationId: 'setLanguage',
      summary: 'Set the signed-in user’s language',
      tags: ['preferences'],
      request: {
        body: { content: { 'application/json': { schema: z.object({ language: Language.nullable() }) } } },
      },
      responses: { 200: json(Preferences, 'the preferences after the change') },
    }),
    async (c) => {
      const { language } = c.req.valid('json');
      await setUserLanguage(storeOf(c, deps), tenantOf(c), principalOf(c).user.email, language);
      return c.json(await answer(c), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/tenant/language',
      operationId: 'setTenantLanguage',
      summary: 'Set the tenant’s default language',
      tags: ['preferences'],
      request: { body: { content: { 'application/json': { schema: z.object({ language: Language }) } } } },
      responses: {
        200: json(Preferences, 'the preferences after the change'),
        403: json(z.object({ error: z.string() }), 'not a client admin'),
      },
    }),
    async (c) => {
      if (principalOf(c).user.role !== 'client_admin')
        throw new Forbidden('only a client admin sets the tenant language');
      await setTenantLanguage(storeOf(c, deps), tenantOf(c), c.req.valid('json').language);
      return c.json(await answer(c), 200);
    },
  );
}
