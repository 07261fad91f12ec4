import { useEffect } from 'react';
import { useBridge, useBridgeQuery } from '../../bridge/context';
import { useNavigation } from '../../navigation';
import type { ScreenProps } from '../registry';
import { CardFrame } from '../../components/study/CardFrame';
import { ignoreKey } from '../../components/study/StudyOverlays';
import { lastSeq } from '../../components/study/reviewer-store';
import '../../styles/study.css';

function deckIdOf(params: Record<string, unknown>): number {
  return typeof params.deckId === 'number' ? params.deckId : 1;
}

/** The deck overview: today's counts, limits, the description, and Study Now (S / Enter). */
export function Overview({ params }: ScreenProps) {
  const deckId = deckIdOf(params);
  const bridge = useBridge();
  const { navigate } = useNavigation();
  const { data, error } = useBridgeQuery('study.overview', { deckId });
  const counts = data?.counts;
  const canStudy = counts ? counts.newCount + counts.learnCount + counts.reviewCount > 0 : false;

  useEffect(() => {
    void bridge.invoke('study.review.close', { seq: lastSeq() }).catch(() => undefined);
  }, [bridge]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (ignoreKey(event)) return;
      const key = event.key.toLowerCase();
      if ((key === 's' || key === 'enter') && !(event.target instanceof HTMLButtonElement && key === 'enter')) {
        navigate('review', { deckId });
      } else if (key === 'o') navigate('deck-options', { deckId });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, deckId]);

  if (error) return <p role="alert">{error}</p>;
  if (!data || !counts) return <p>Loading…</p>;
  const limitMessage = [
    data.limitsReached.newLimit ? `The daily limit for new cards is reached (${data.unlimited.newCount - counts.newCount} more waiting).` : '',
    data.limitsReached.reviewLimit ? `The daily review limit is reached (${data.unlimited.reviewCount - counts.reviewCount} more due).` : '',
  ].filter(Boolean);
  return (
    <section className="overview" aria-label="Deck overview">
      <h1>{data.name}</h1>
      {canStudy ? (
        <table className="overview-counts" aria-label="Due today">
          <tbody>
            <tr><th>New</th><td className="count new">{counts.newCount}</td></tr>
            <tr><th>Learning</th><td className="count learn">{counts.learnCount}</td></tr>
            <tr><th>To Review</th><td className="count due">{counts.reviewCount}</td></tr>
          </tbody>
        </table>
      ) : (
        <div className="congrats-inline" role="status">
          <p><strong>Congratulations! You have finished this deck for now.</strong></p>
          {data.totalCards === 0 && <p>This deck has no cards yet. Add some with the Add button (A).</p>}
        </div>
      )}
      {limitMessage.map((m) => (
        <p key={m} className="limit-message" role="note">{m}</p>
      ))}
      <p className="overview-meta">
        Studied today: {data.studiedToday} · Cards: {data.totalCards}
        {data.suspendedCards > 0 && ` · Suspended: ${data.suspendedCards}`}
        {data.buriedCards > 0 && ` · Buried: ${data.buriedCards}`}
      </p>
      <div className="overview-buttons">
        <button type="button" className="primary study-now" autoFocus disabled={!canStudy} onClick={() => navigate('review', { deckId })} title="Study Now (S)">
          Study Now
        </button>
        <button type="button" onClick={() => navigate('deck-options', { deckId })} title="Options (O)">Options</button>
        <button type="button" onClick={() => navigate('stats', { deckId })}>Stats</button>
      </div>
      {data.description.trim() && (
        <div className="overview-description">
          <CardFrame html={data.description} css="" bodyClass="description" title="Deck description" />
        </div>
      )}
    </section>
  );
}
