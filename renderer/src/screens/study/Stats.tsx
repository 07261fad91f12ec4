import type { StatsData } from '../../../../shared/bridge/study';
import { useBridgeQuery } from '../../bridge/context';
import { useNavigation } from '../../navigation';
import type { ScreenProps } from '../registry';
import { BarChart } from '../../components/study/BarChart';
import { ProgressBar } from '../../components/study/ProgressBar';
import '../../styles/study.css';

function dayLabel(day: number): string {
  return day === 0 ? 'today' : day > 0 ? `+${day}d` : `${day}d`;
}

function Today({ today }: { today: StatsData['today'] }) {
  if (!today.reviews) return <p>No cards have been studied today.</p>;
  return (
    <p className="stats-today">
      Studied <strong>{today.reviews}</strong> cards in <strong>{today.minutes}</strong> minutes today. Again count:{' '}
      {today.again} ({today.correctPercent}% correct). Learn: {today.learn}, Review: {today.review}, Relearn: {today.relearn}.
    </p>
  );
}

function CardCounts({ counts }: { counts: StatsData['cardCounts'] }) {
  const rows: [string, number, string][] = [
    ['New', counts.new, 'new'],
    ['Learning', counts.learning, 'learn'],
    ['Young', counts.young, 'young'],
    ['Mature', counts.mature, 'mature'],
    ['Suspended', counts.suspended, 'suspended'],
    ['Buried', counts.buried, 'buried'],
  ];
  return (
    <table className="stats-counts" aria-label="Card counts">
      <tbody>
        {rows.map(([label, value, cls]) => (
          <tr key={label}>
            <th><span className={`swatch ${cls}`} />{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Statistics of a deck (with children) or the whole collection; every figure is computed in main. */
export function Stats({ params }: ScreenProps) {
  const deckId = typeof params.deckId === 'number' ? params.deckId : null;
  const { navigate } = useNavigation();
  const { data, error } = useBridgeQuery('study.stats', { deckId });
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <ProgressBar label="Computing statistics…" />;
  return (
    <section className="stats" aria-label="Statistics">
      <header className="stats-header">
        <h1>Statistics: {data.scopeName}</h1>
        <div className="stats-scope" role="group" aria-label="Scope">
          {deckId !== null && <button type="button" onClick={() => navigate('stats', {})}>Whole collection</button>}
          {deckId !== null && <button type="button" onClick={() => navigate('overview', { deckId })}>Back to deck</button>}
        </div>
      </header>
      <h2>Today</h2>
      <Today today={data.today} />
      <CardCounts counts={data.cardCounts} />
      <BarChart
        title="Reviews per day (last 30 days)"
        series={[
          { label: 'Learning', className: 'learn' },
          { label: 'Review', className: 'mature' },
          { label: 'Relearning', className: 'relearn' },
          { label: 'Other', className: 'other' },
        ]}
        columns={data.reviewsPerDay.map((d) => ({ label: dayLabel(d.day), values: [d.learn, d.review, d.relearn, d.other] }))}
        labelEvery={5}
      />
      <BarChart
        title="Future due (next 30 days)"
        series={[{ label: 'Due', className: 'young' }]}
        columns={data.futureDue.map((d) => ({ label: dayLabel(d.day), values: [d.count] }))}
        labelEvery={5}
      />
      <BarChart
        title="Review intervals"
        series={[{ label: 'Cards', className: 'mature' }]}
        columns={data.intervals.map((b) => ({ label: b.label, values: [b.count] }))}
      />
      <BarChart
        title="Answer buttons (last 30 days)"
        series={[
          { label: 'Again', className: 'again' },
          { label: 'Hard', className: 'hard' },
          { label: 'Good', className: 'good' },
          { label: 'Easy', className: 'easy' },
        ]}
        columns={data.answerButtons.flatMap((group) =>
          group.counts.map((count, i) => ({
            label: i === 0 ? group.kind : '',
            values: [0, 1, 2, 3].map((j) => (j === i ? count : 0)),
          })),
        )}
      />
    </section>
  );
}
