import { useBridgeQuery } from '../../bridge/context';
import { useNavigation } from '../../navigation';
import type { ScreenProps } from '../registry';
import '../../styles/study.css';

interface CongratsProps {
  deckId: number;
  notice?: string | null;
  canUndo?: boolean;
  onUndo?(): void;
}

/** Shown when nothing is left to study in the deck today. */
export function Congrats({ deckId, notice, canUndo, onUndo }: CongratsProps) {
  const { navigate } = useNavigation();
  const { data } = useBridgeQuery('study.overview', { deckId });
  const waiting = data ? data.unlimited.newCount - data.counts.newCount + (data.unlimited.reviewCount - data.counts.reviewCount) : 0;
  return (
    <section className="congrats" aria-label="Congratulations">
      <h1>Congratulations!</h1>
      <p>You have finished {data ? <strong>{data.name}</strong> : 'this deck'} for now.</p>
      {waiting > 0 && <p className="limit-message">{waiting} more cards are held back by today&apos;s limits (Deck options).</p>}
      {data && data.buriedCards > 0 && <p>{data.buriedCards} buried cards will come back tomorrow.</p>}
      {notice && <p role="status">{notice}</p>}
      <div className="overview-buttons">
        <button type="button" className="primary" autoFocus onClick={() => navigate('decks')}>Decks</button>
        <button type="button" onClick={() => navigate('overview', { deckId })}>Overview</button>
        {canUndo && onUndo && <button type="button" onClick={onUndo}>Undo</button>}
      </div>
    </section>
  );
}

export function CongratsScreen({ params }: ScreenProps) {
  return <Congrats deckId={typeof params.deckId === 'number' ? params.deckId : 1} />;
}
