import { pct1, pp } from './renewal-format';
import { nameOf } from './rfp-ranking';
import type { Comparison, WeightSensitivity } from './rfp-types';
import { TableDownloads } from '../components/table-downloads';

/** How far each section and question weight must move to change the winner. */

function sensitivitySentence(data: Comparison, s: WeightSensitivity): string {
  return s.change === null
    ? 'no weight from 0% to 100% changes the winner'
    : `${pp(s.change)} (from ${pct1(s.weight)} to ${pct1(s.newWeight)}), where ${nameOf(data, s.newWinner)} ties, then wins`;
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
  return (
    <div className="table-wrap">
      <table className="stack compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Weight</th>
            <th scope="col" className="num">
              Now
            </th>
            <th scope="col">Change that changes the winner</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id} data-change={s.change ?? ''}>
              <th scope="row">{s.title}</th>
              <td data-label="Now" className="num">
                {pct1(s.weight)}
              </td>
              <td data-label="Change">{sensitivitySentence(data, s)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TableDownloads />
    </div>
  );
}

export function Sensitivity({ data }: { data: Comparison }) {
  const t = data.sensitivity.tightest;
  return (
    <section className="section" aria-labelledby="rfp-sensitivity-title" data-testid="rfp-sensitivity">
      <h2 id="rfp-sensitivity-title">How far each weight must move to change the winner</h2>
      <p>
        {t ? (
          <>
            The winner depends most on the {t.level} <strong>{t.title}</strong>:{' '}
            {sensitivitySentence(data, t)}, the other weights rescaled to keep 100%.
          </>
        ) : (
          'No single weight, anywhere from 0% to 100%, changes the winner.'
        )}
      </p>
      <SensitivityTable data={data} items={data.sensitivity.sections} caption="Section weights" />
      <details>
        <summary>Question weights (share of the total)</summary>
        <SensitivityTable
          data={data}
          items={data.sensitivity.questions}
          caption="Question weights in the total"
        />
      </details>
    </section>
  );
}
