import { type FormEvent, useState } from 'react';
import type { RfpCreateT, RfpSummaryT } from '../../../src/server/api/schemas';
import { ErrorBanner } from '../components/error-banner';
import { ApiFailure, apiPost } from '../lib/api';
import { navigate } from '../lib/hash-route';
import { useT } from '../lib/i18n';
import type { Me } from '../lib/types';

/**
 * `#/rfp/new`: a client_admin creates an RFP (POST /api/rfps) from the default template
 * (the seed's questions) or from an RFP document in YAML, with its deadline, evaluators
 * and invited vendors. Every problem comes back with its path, and in YAML its line.
 */

interface Problem {
  where: string;
  message: string;
}

const listOf = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export function RfpCreatePage({ me }: { me: Me }) {
  const t = useT();
  const [source, setSource] = useState<'template' | 'yaml'>('template');
  const [id, setId] = useState('');
  const [title, setTitle] = useState('');
  const [yaml, setYaml] = useState('');
  const [deadline, setDeadline] = useState('');
  const [evaluators, setEvaluators] = useState(me.user.email);
  const [vendors, setVendors] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (me.user.role !== 'client_admin')
    return (
      <section aria-labelledby="rfp-new-title">
        <h1 id="rfp-new-title">{t('rfps.create')}</h1>
        <p>{t('rfps.adminOnly')}</p>
      </section>
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setProblems([]);
    // datetime-local is the reader's local time; the API takes an instant.
    const instant = deadline && !Number.isNaN(Date.parse(deadline)) ? new Date(deadline).toISOString() : deadline;
    const body: RfpCreateT = {
      ...(source === 'template' ? { template: 'default' as const, id } : { yaml }),
      ...(title ? { title } : {}),
      deadline: instant,
      evaluators: listOf(evaluators),
      vendors: listOf(vendors),
    };
    try {
      const created = await apiPost<RfpSummaryT>('/rfps', body);
      navigate(`#/rfp/${created.id}`);
    } catch (error) {
      if (error instanceof ApiFailure && error.issues.length > 0) {
        setProblems(
          error.issues.map((raw) => {
            const i = raw as { path?: (string | number)[]; message?: string; line?: number };
            const path = (i.path ?? []).join('.');
            return {
              where: i.line ? t('rfps.atLine', { line: i.line, path }) : path,
              message: i.message ?? '',
            };
          }),
        );
        setFailure(error);
      } else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function readFile(file: File | undefined) {
    if (file) setYaml(await file.text());
  }

  return (
    <section aria-labelledby="rfp-new-title">
      <h1 id="rfp-new-title">{t('rfps.create')}</h1>
      <form onSubmit={submit} noValidate data-testid="rfp-create-form">
        <fieldset className="field">
          <legend>{t('rfps.source')}</legend>
          <label>
            <input type="radio" name="source" checked={source === 'template'} onChange={() => setSource('template')} />{' '}
            {t('rfps.fromTemplate')}
          </label>{' '}
          <label>
            <input type="radio" name="source" checked={source === 'yaml'} onChange={() => setSource('yaml')} data-testid="rfp-source-yaml" />{' '}
            {t('rfps.fromYaml')}
          </label>
        </fieldset>
        {source === 'template' ? (
          <div className="field">
            <label htmlFor="rfp-new-id">{t('rfps.id')}</label>
            <input id="rfp-new-id" value={id} onChange={(e) => setId(e.target.value)} data-testid="rfp-new-id" />
            <p className="muted">{t('rfps.idHint')}</p>
          </div>
        ) : (
          <div className="field">
            <label htmlFor="rfp-new-yaml">{t('rfps.yaml')}</label>
            <input type="file" accept=".yaml,.yml,text/yaml" onChange={(e) => void readFile(e.target.files?.[0])} aria-label={t('rfps.yamlFile')} />
            <textarea id="rfp-new-yaml" value={yaml} onChange={(e) => setYaml(e.target.value)} rows={12} style={{ width: '100%', fontFamily: 'monospace' }} data-testid="rfp-new-yaml" />
          </div>
        )}
        <div className="field">
          <label htmlFor="rfp-new-title-input">{t('rfps.titleLabel')}</label>
          <input id="rfp-new-title-input" value={title} onChange={(e) => setTitle(e.target.value)} data-testid="rfp-new-title" />
        </div>
        <div className="field">
          <label htmlFor="rfp-new-deadline">{t('rfps.deadline')}</label>
          <input id="rfp-new-deadline" type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} required data-testid="rfp-new-deadline" />
          <p className="muted">{t('rfps.deadlineHint')}</p>
        </div>
        <div className="field">
          <label htmlFor="rfp-new-evaluators">{t('rfps.evaluators')}</label>
          <input id="rfp-new-evaluators" value={evaluators} onChange={(e) => setEvaluators(e.target.value)} data-testid="rfp-new-evaluators" />
          <p className="muted">{t('rfps.evaluatorsHint')}</p>
        </div>
        <div className="field">
          <label htmlFor="rfp-new-vendors">{t('rfps.vendors')}</label>
          <input id="rfp-new-vendors" value={vendors} onChange={(e) => setVendors(e.target.value)} placeholder={t('rfps.vendorsExample')} data-testid="rfp-new-vendors" />
        </div>
        {problems.length > 0 ? (
          <div className="banner banner-error" role="alert" data-testid="rfp-create-problems">
            <ul>
              {problems.map((p, i) => (
                <li key={`${p.where}-${i}`}>
                  {p.where ? <code>{p.where}</code> : null} {p.message}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <ErrorBanner error={failure} />
        )}
        <button type="submit" className="button-primary" disabled={busy} data-testid="rfp-create-submit">
          {t('rfps.createSubmit')}
        </button>
      </form>
    </section>
  );
}
