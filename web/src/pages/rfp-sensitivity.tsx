import { type T, useT } from '../lib/i18n';
import { pct1, pp } from './renewal-format';
import { nameOf } from './rfp-ranking';
import type { Comparison, WeightSensitivity } from './rfp-types';
import { TableDownloads } from '../components/table-downloads';

/** How far each section and question weight must move to change the winner. */

function sensitivitySentence(t: T, data: Comparison, s: WeightSensitivity): string {
  return s.change === null
    ? t('rfp.noWeight')
    : t('rfp.change', {
        change: pp(s.change),
        from: pct1(s.weight),
        to: pct1(s.newWeight),
        name: nameOf(data, s.newWinner),
      });
}

function SensitivityTable({
  data,
  items,
  caption,
}: {
  data: Comparison;
  items: (WeightSensitivity & { title: string })[];
  caption: string;
}) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="stack compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rfp.weight')}</th>
            <th scope="col" className="num">
              {t('rfp.now')}
            </th>
            <th scope="col">{t('rfp.changeCol')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id} data-change={s.change ?? ''}>
              <th scope="row">{s.title}</th>
              <td data-label={t('rfp.now')} className="num">
                {pct1(s.weight)}
              </td>
              <td data-label={t('rfp.changeCol')}>{sensitivitySentence(t, data, s)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TableDownloads />
    </div>
  );
}

export function Sensitivity({ data }: { data: Comparison }) {
  const t = useT();
  const tightest = data.sensitivity.tightest;
  return (
    <section className="section" aria-labelledby="rfp-sensitivity-title" data-testid="rfp-sensitivity">
      <h2 id="rfp-sensitivity-title">{t('rfp.sensitivity')}</h2>
      <p>
        {tightest ? (
          <>
            {t('rfp.dependsMost', { level: tightest.level })} <strong>{tightest.title}</strong>:{' '}
            {sensitivitySentence(t, data, tightest)}, {t('rfp.rescaled')}
          </>
        ) : (
          t('rfp.noSingle')
        )}
      </p>
      <SensitivityTable data={data} items={data.sensitivity.sections} caption={t('rfp.sectionWeights')} />
      <details>
        <summary>{t('rfp.questionWeights')}</summary>
        <SensitivityTable
          data={data}
          items={data.sensitivity.questions}
          caption={t('rfp.questionWeightsCaption')}
        />
      </details>
    </section>
  );
}
