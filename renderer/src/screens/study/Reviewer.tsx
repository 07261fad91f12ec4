import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnswerEase, ReviewerView } from '../../../../shared/bridge/study';
import { FLAG_NAMES } from '../../../../shared/bridge/study';
import { useBridge } from '../../bridge/context';
import { useNavigation } from '../../navigation';
import type { ScreenProps } from '../registry';
import { CardFrame } from '../../components/study/CardFrame';
import { AudioQueue } from '../../components/study/audio';
import { lastSeq, onReplay, reviewerStore, useReviewerView } from '../../components/study/reviewer-store';
import { ignoreKey } from '../../components/study/StudyOverlays';
import { AnswerBar, QuestionBar, ReviewCounts, ReviewTimer } from '../../components/study/ReviewerBars';
import { Congrats } from './Congrats';
import '../../styles/study.css';

type Bridge = ReturnType<typeof useBridge>;

/** Reviewer calls that return the next view; errors show in the notice line. */
function useReviewerActions(bridge: Bridge, view: ReviewerView | null, typed: string) {
  const [error, setError] = useState<string | null>(null);
  // While a call is in flight the card on screen is stale: a key pressed now must not act on it
  // (Space after 3 would answer the old card again), so keys wait until main's reply is shown.
  const busy = useRef(false);
  const apply = useCallback((work: Promise<ReviewerView>, changesCard = false) => {
    if (changesCard) busy.current = true;
    work.then(
      (next) => {
        busy.current = false;
        setError(null);
        reviewerStore.set(next);
      },
      (e: unknown) => {
        busy.current = false;
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  }, []);
  const cardId = view?.card?.cardId;
  return useMemo(() => {
    const withCard = <T,>(fn: (id: number) => T) => (cardId === undefined ? undefined : fn(cardId));
    return {
      error,
      isBusy: () => busy.current,
      showAnswer: () =>
        withCard((id) => {
          // Show the answer at once (main's reply follows); a typed answer waits for main's comparison.
          if (view?.card && !view.card.typeAnswerField) reviewerStore.set({ ...view, side: 'answer' });
          apply(bridge.invoke('study.review.showAnswer', { cardId: id, typed }));
        }),
      answer: (ease: AnswerEase) => withCard((id) => apply(bridge.invoke('study.review.answer', { cardId: id, ease }), true)),
      undo: () => apply(bridge.invoke('study.review.undo', {}), true),
      flag: (flag: number) => withCard((id) => apply(bridge.invoke('study.review.setFlag', { cardId: id, flag }))),
      mark: () => withCard((id) => apply(bridge.invoke('study.review.toggleMark', { cardId: id }))),
      bury: () => withCard((id) => apply(bridge.invoke('study.review.bury', { cardId: id }), true)),
      suspend: () => withCard((id) => apply(bridge.invoke('study.review.suspend', { cardId: id }), true)),
    };
  }, [apply, bridge, cardId, error, typed, view]);
}

/** Plays a side's audio when it appears (if the preset autoplays) and on replay (R). */
function useCardAudio(view: ReviewerView | null) {
  const [playing, setPlaying] = useState<string | null>(null);
  const audio = useMemo(() => new AudioQueue(setPlaying), []);
  const card = view?.card;
  const side = view?.side;
  const files = useMemo(() => {
    if (!card) return [];
    return side === 'answer' ? [...card.questionAudio, ...card.answerAudio] : card.questionAudio;
  }, [card, side]);
  const sideFiles = useMemo(() => (card ? (side === 'answer' ? card.answerAudio : card.questionAudio) : []), [card, side]);
  const autoplay = view?.autoplay ?? false;
  const key = `${card?.cardId ?? ''}:${side ?? ''}`;
  useEffect(() => {
    if (autoplay && sideFiles.length) audio.play(sideFiles);
    else audio.stop();
    // Only a new card or side starts playback, not other view updates.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, audio]);
  useEffect(() => () => audio.stop(), [audio]);
  const replay = useCallback(() => audio.play(files), [audio, files]);
  useEffect(() => onReplay(replay), [replay]);
  return { playing, replay };
}

function deckIdOf(params: Record<string, unknown>): number {
  return typeof params.deckId === 'number' ? params.deckId : 1;
}

/**
 * The reviewer, keyboard first like Anki: Space/Enter shows the answer, 1–4 answer
 * (Space/Enter = Good), Ctrl+Z undo, Ctrl+1…7 flags, * mark, - bury, @ suspend,
 * E edit, R replay audio. Main owns the state; this screen shows it.
 */
export function Reviewer({ params }: ScreenProps) {
  const deckId = deckIdOf(params);
  const bridge = useBridge();
  const { navigate } = useNavigation();
  const view = useReviewerView();
  const [typed, setTyped] = useState('');
  const [openError, setOpenError] = useState<string | null>(null);
  const root = useRef<HTMLElement>(null);
  const actions = useReviewerActions(bridge, view, typed);
  const { playing, replay } = useCardAudio(view);

  useEffect(() => {
    reviewerStore.clear();
    bridge.invoke('study.review.open', { deckId, seq: lastSeq() }).then(reviewerStore.set, (e: unknown) => setOpenError(e instanceof Error ? e.message : String(e)));
    // A change elsewhere (the card answered over the API, the note edited) refreshes what is shown.
    const off = bridge.on('collection.changed', () => {
      bridge.invoke('study.review.open', { deckId, seq: lastSeq() }).then(reviewerStore.set, () => undefined);
    });
    return () => {
      off();
      void bridge.invoke('study.review.close', { seq: lastSeq() }).catch(() => undefined);
    };
  }, [bridge, deckId]);

  // A new card (or the question shown again) starts with an empty type-in box; the timer restarts with main's.
  const typingKey = view?.card ? `${view.card.cardId}:${view.side}` : '';
  const [typedFor, setTypedFor] = useState(typingKey);
  if (typedFor !== typingKey) {
    setTypedFor(typingKey);
    setTyped('');
  }
  const cardKey = view?.card ? `${view.card.cardId}:${view.timerStartedAt}` : '';

  const card = view?.card ?? null;
  const side = view?.side ?? 'question';
  const focusPage = useCallback(() => root.current?.focus(), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.key === 'z' && !event.altKey && !event.metaKey) {
        event.preventDefault();
        actions.undo();
        return;
      }
      // The store, not this render's copy: a key right after Space must see the answer side
      // even before React has re-rendered.
      const live = reviewerStore.get();
      const card = live?.card;
      const side = live?.side ?? 'question';
      if (!card || actions.isBusy()) return;
      const typing = (event.target as HTMLElement | null)?.classList?.contains('type-answer');
      if (event.ctrlKey && !event.altKey && !event.metaKey) {
        if (/^[1-7]$/.test(event.key)) actions.flag(Number(event.key));
        else return;
        event.preventDefault();
        return;
      }
      if (typing) {
        if (event.key === 'Enter' && side === 'question') {
          event.preventDefault();
          actions.showAnswer();
          focusPage();
        }
        return;
      }
      if (ignoreKey(event)) return;
      const key = event.key;
      if (key === ' ' || key === 'Enter') {
        if (side === 'question') actions.showAnswer();
        else actions.answer(3);
      } else if (side === 'answer' && /^[1-4]$/.test(key)) actions.answer(Number(key) as AnswerEase);
      else if (key === '*') actions.mark();
      else if (key === '-') actions.bury();
      else if (key === '@') actions.suspend();
      else if (key === 'e' || key === 'E') navigate('edit', { noteId: card.noteId });
      else if (key === 'r' || key === 'R' || key === 'F5') replay();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, navigate, replay, focusPage]);

  useEffect(() => {
    if (card && !card.typeAnswerField) focusPage();
  }, [card, side, focusPage]);

  if (openError) return <p role="alert">{openError}</p>;
  if (!view) return <p>Loading…</p>;
  if (view.status === 'closed') {
    return (
      <section className="reviewer" aria-label="Reviewer">
        <p>The reviewer is closed.</p>
        <button type="button" onClick={() => navigate('decks')}>Decks</button>
      </section>
    );
  }
  if (view.status === 'done' || !card) {
    return <Congrats deckId={view.deckId ?? deckId} notice={view.notice} canUndo={view.canUndo} onUndo={actions.undo} />;
  }
  const html = side === 'answer' ? card.answerHtml : card.questionHtml;
  return (
    <section ref={root} className={`reviewer side-${side}`} aria-label="Reviewer" tabIndex={-1} data-card-id={card.cardId} data-side={side}>
      <header className="reviewer-top">
        <span className="reviewer-deck">{card.deckName}</span>
        {card.flag > 0 && <span className={`flag-badge flag-${card.flag}`} aria-label={`${FLAG_NAMES[card.flag]} flag`}>⚑ {FLAG_NAMES[card.flag]}</span>}
        {card.marked && <span className="mark-badge" aria-label="Marked">★ Marked</span>}
        {playing && <span className="audio-status" aria-live="polite">♪ {playing}</span>}
        <ReviewTimer key={cardKey} capSecs={view.maxAnswerSecs} />
      </header>
      <div className="card-area">
        <CardFrame html={html} css={card.css} bodyClass={card.cardClass} title={side === 'answer' ? 'Answer' : 'Question'} onFocusTaken={focusPage} />
      </div>
      {card.typeAnswerField && side === 'question' && (
        <input
          className="type-answer"
          aria-label={`Type the answer (${card.typeAnswerField})`}
          autoFocus
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
      )}
      {(view.notice || actions.error) && <p className="reviewer-notice" role="status">{actions.error ?? view.notice}</p>}
      <footer className="reviewer-bottom">
        <ReviewCounts counts={view.counts} current={card.queue} />
        {side === 'question' ? <QuestionBar onShow={actions.showAnswer} /> : <AnswerBar buttons={card.buttons} onAnswer={actions.answer} />}
        <div className="reviewer-more">
          <button type="button" onClick={() => navigate('edit', { noteId: card.noteId })} title="Edit (E)">Edit</button>
          <button type="button" onClick={actions.undo} disabled={!view.canUndo} title="Undo (Ctrl+Z)">Undo</button>
          <button type="button" onClick={replay} title="Replay audio (R)">Replay</button>
          <button type="button" onClick={actions.mark} title="Mark (*)">{card.marked ? 'Unmark' : 'Mark'}</button>
          <button type="button" onClick={actions.bury} title="Bury (-)">Bury</button>
          <button type="button" onClick={actions.suspend} title="Suspend (@)">Suspend</button>
        </div>
      </footer>
    </section>
  );
}
