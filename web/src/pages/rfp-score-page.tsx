import { useState } from 'react';
import type { RfpQuestionsT, RfpResponsesT, RfpScoreT } from '../../../src/server/api/schemas';
import { ErrorBanner, Loading } from '../components/error-banner';
import { apiPut } from '../lib/api';
import { useT } from '../lib/i18n';
import type { Me } from '../lib/types';
import { useGet } from '../lib/use-resource';
import { TableDownloads } from '../components/table-downloads';

/**
 * `#/rfp/<id>/score`: an evaluator of the RFP scores each vendor's response, question by
 * question, beside the vendor's answer and evidence, with a comment; saved per vendor
 * (PUT /api/rfps/<id>/scores/<vendor>). The comparison counts an evaluator's scores once
 * they cover every response on every question.
 */

type Stored = RfpResponsesT['responses'][number];
interface Answer {
  question: string;
  summary: string;
  evidence: { title: string; url?: string; file?: string }[];
}

export function RfpScorePage({ id, me }: { id: string; me: Me }) {
  const t = useT();
  const rfp = useGet<RfpQuestionsT>(`/rfps/${encodeURIComponent(id)}`);
  const responses = useGet<RfpResponsesT>(`/rfps/${encodeURIComponent(id)}/responses`);
  const scores = useGet<{ scores: RfpScoreT[] }>(`/rfps/${encodeURIComponent(id)}/scores`);
  const email = me.user.email.toLowerCase();
  const error = rfp.error ?? responses.error ?? scores.error;
  return (
    <section aria-labelledby="rfp-score-title">
      <h1 id="rfp-score-title">{t('rfps.scoreTitle', { title: rfp.data?.title ?? id })}</h1>
      <p>
        <a href={`#/rfp/${id}`}>{t('rfps.backToComparison')}</a>
      </p>
      <ErrorBanner error={error} />
      {(rfp.loading || responses.loading || scores.loading) && <Loading what={t('rfps.whatResponses')} />}
      {rfp.data && !rfp.data.evaluators.includes(email) && <p>{t('rfps.notEvaluator')}</p>}
      {rfp.data && responses.data && scores.data && rfp.data.evaluators.includes(email) && (
        <>
          {responses.data.responses.length === 0 && <p>{t('rfps.noResponses')}</p>}
          {responses.data.responses.map((r) => (
            <VendorScores
              key={r.vendor}
              rfp={rfp.data as RfpQuestionsT}
              response={r}
              mine={(scores.data?.scores ?? []).filter((s) => s.evaluator === email && s.vendor === r.vendor)}
              onSaved={scores.reload}
            />
          ))}
        </>
      )}
    </section>
  );
}

function VendorScores({
  rfp,
  response,
  mine,
  onSaved,
}: {
  rfp: RfpQuestionsT;
  response: Stored;
  mine: RfpScoreT[];
  onSaved: () => void;
}) {
  const t = useT();
  const initial = Object.fromEntries(mine.map((s) => [s.question, { score: String(s.score), comment: s.comment ?? '' }]));
  const [draft, setDraft] = useState<Record<string, { score: string; comment: string }>>(initial);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const answers = new Map(((response.response.answers ?? []) as Answer[]).map((a) => [a.question, a]));
  const steps: number[] = [];
  for (let s = rfp.scale.min; s <= rfp.scale.max; s++) steps.push(s);
  const questions = rfp.sections.flatMap((s) => s.questions);
  const set = (q: string, patch: Partial<{ score: string; comment: string }>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [q]: { score: '', comment: '', ...d[q], ...patch } }));
  };

  async function save() {
    setFailure(null);
    const scores = questions
      .filter((q) => draft[q.id]?.score)
      .map((q) => ({ question: q.id, score: Number(draft[q.id]?.score), comment: draft[q.id]?.comment || null }));
    try {
      await apiPut(`/rfps/${encodeURIComponent(rfp.id)}/scores/${encodeURIComponent(response.vendor)}`, { scores });
      setSaved(true);
      onSaved();
    } catch (error) {
      setFailure(error);
    }
  }

  const done = questions.filter((q) => draft[q.id]?.score).length;
  return (
    <section className="card section" aria-labelledby={`score-${response.vendor}`} data-testid={`rfp-score-${response.vendor}`}>
      <h2 id={`score-${response.vendor}`}>
        {String(response.response.displayName ?? response.vendor)}{' '}
        <span className="muted">{t('rfps.scoredOf', { done, count: questions.length })}</span>
      </h2>
      <table className="stack">
        <thead>
          <tr>
            <th scope="col">{t('rfps.question')}</th>
            <th scope="col">{t('rfps.answer')}</th>
            <th scope="col">{t('rfps.score')}</th>
            <th scope="col">{t('rfps.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {questions.map((q) => {
            const a = answers.get(q.id);
            const field = `${response.vendor}-${q.id}`;
            return (
              <tr key={q.id}>
                <th scope="row">{q.title}</th>
                <td>
                  {a ? a.summary : <span className="muted">{t('rfps.unanswered')}</span>}
                  {a && a.evidence.length > 0 && (
                    <ul>
                      {a.evidence.map((e) => (
                        <li key={e.title}>
                          {e.url ? (
                            <a href={e.url} rel="noreferrer noopener" target="_blank">
                              {e.title}
                            </a>
                          ) : e.file ? (
                            <a href={`/api/rfps/${encodeURIComponent(rfp.id)}/responses/${encodeURIComponent(response.vendor)}/attachment?name=${encodeURIComponent(e.file)}`}>
                              {e.title}
                            </a>
                          ) : (
                            e.title
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <select
                    value={draft[q.id]?.score ?? ''}
                    onChange={(e) => set(q.id, { score: e.target.value })}
                    aria-label={t('rfps.scoreFor', { question: q.title })}
                    data-testid={`score-${field}`}
                  >
                    <option value="">–</option>
                    {steps.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    value={draft[q.id]?.comment ?? ''}
                    onChange={(e) => set(q.id, { comment: e.target.value })}
                    maxLength={2000}
                    aria-label={t('rfps.commentFor', { question: q.title })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <TableDownloads />
      <ErrorBanner error={failure} />
      <button type="button" className="button-primary" onClick={() => void save()} disabled={done === 0} data-testid={`save-scores-${response.vendor}`}>
        {t('rfps.saveScores', { vendor: response.vendor })}
      </button>
      {saved && (
        <span role="status" data-testid={`saved-${response.vendor}`}>
          {' '}
          {t('rfps.saved')}
        </span>
      )}
    </section>
  );
}
