import { describe, expect, it } from 'vitest';
import { mapClaims } from './map-claims.js';
import { parseIdentityProvider } from './parse-provider.js';

const FILE = `apiVersion: covenant/v1
kind: IdentityProvider
metadata:
  name: brightpath-sso
  displayName: BrightPath SSO
spec:
  issuer: https://login.brightpath.example
  clientId: covenant
  scopes: [openid, email, profile, groups]
  emailDomains: [brightpath.example]
  claims:
    groups: groups
    site: site
  roles:
    - when: brightpath-managers
      role: vendor_manager
      organisation: brightpath
    - when: brightpath-leads
      role: team_lead
      organisation: brightpath
`;

const parsed = () => {
  const result = parseIdentityProvider(FILE, 'idp.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

describe('IdentityProvider files', () => {
  it('reads a provider with its defaults', () => {
    const provider = parsed();
    expect(provider).toMatchObject({
      id: 'brightpath-sso',
      displayName: 'BrightPath SSO',
      clientAuth: 'client_secret_basic',
      claims: { email: 'email', name: 'name', groups: 'groups', site: 'site' },
    });
    expect(provider.roles).toHaveLength(2);
  });

  it('reports every problem with its path and line', () => {
    const bad = FILE.replace('https://login.brightpath.example', 'http://login.brightpath.example')
      .replace('[openid, email, profile, groups]', '[email]')
      .replace('    site: site\n', '')
      .replace('role: vendor_manager', 'role: manager')
      .replace('when: brightpath-leads', 'when: brightpath-managers');
    const result = parseIdentityProvider(bad, 'idp.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // The shape's issue (role) comes first; the meaning checks run only on a valid shape.
    expect(result.issues.map((i) => [i.code, i.path.join('.'), i.line])).toEqual([
      ['invalid', 'spec.roles.0.role', 15],
    ]);
    const shapeOk = parseIdentityProvider(bad.replace('role: manager', 'role: vendor_manager'), 'idp.yaml');
    expect(shapeOk.ok).toBe(false);
    if (shapeOk.ok) return;
    expect(shapeOk.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['not_https', 'spec.issuer'],
      ['openid_scope', 'spec.scopes'],
      ['duplicate_value', 'spec.roles.1.when'],
      ['site_claim', 'spec.roles.1.role'],
    ]);
    expect(shapeOk.issues[0]?.message).toContain('must use https');
  });

  it('allows http for a provider on loopback only', () => {
    const local = parseIdentityProvider(
      FILE.replace('https://login.brightpath.example', 'http://127.0.0.1:9000'),
      'x',
    );
    expect(local.ok).toBe(true);
  });
});

describe('claims to a role and organisation', () => {
  const claims = {
    email: 'Joana@BrightPath.example',
    name: 'Joana',
    groups: ['staff', 'brightpath-managers'],
  };

  it('gives the first rule whose value the groups claim holds', () => {
    expect(mapClaims(parsed(), claims)).toEqual({
      ok: true,
      user: {
        email: 'joana@brightpath.example',
        name: 'Joana',
        role: 'vendor_manager',
        organisation: 'brightpath',
        site: null,
        agentId: null,
      },
    });
    const lead = mapClaims(parsed(), { ...claims, groups: 'brightpath-leads', site: 'lisbon' });
    expect(lead).toMatchObject({ ok: true, user: { role: 'team_lead', site: 'lisbon' } });
  });

  it('refuses without a mapped value, a verified email, an allowed domain or a lead’s site', () => {
    const reason = (c: Record<string, unknown>) => {
      const mapped = mapClaims(parsed(), c);
      return mapped.ok ? 'signed in' : mapped.reason;
    };
    expect(reason({ ...claims, groups: ['staff'] })).toMatch(/no role for joana@brightpath.example/);
    expect(reason({ ...claims, groups: undefined })).toMatch(/no role/);
    expect(reason({ ...claims, email_verified: false })).toMatch(/not verified/);
    expect(reason({ ...claims, email: 'x@elsewhere.example' })).toMatch(/may sign in emails of brightpath/);
    expect(reason({ ...claims, email: undefined })).toMatch(/no email/);
    expect(reason({ ...claims, groups: ['brightpath-leads'] })).toMatch(/no site/);
  });
});
