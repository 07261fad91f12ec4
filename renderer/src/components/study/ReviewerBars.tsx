import { useEffect, useState } from 'react';
import type { AnswerButton, AnswerEase, ReviewCard, StudyCounts } from '../../../../shared/bridge/study';
import '../../styles/study.css';

/** "12 + 3 + 40" with the current card's queue underlined, as Anki's bottom bar. */
export function ReviewCounts({ counts, current }: { counts: StudyCounts; current: ReviewCard['queue'] }) {
  const item = (value: number, kind: 'new' | 'learn' | 'review', label: string) => (
    <span className={`count ${kind === 'review' ? 'due' : kind}${current === kind ? ' current' : ''}`} aria-label={`${label} ${value}`}>
      {value}
    </span>
  );
  return (
    <div className="review-counts" aria-label="Remaining">
      {item(counts.newCount, 'new', 'New')} + {item(counts.learnCount, 'learn', 'Learning')} + {item(counts.reviewCount, 'review', 'To review')}
    </div>
  );
}

export function QuestionBar({ onShow }: { onShow(): void }) {
  return (
    <div className="answer-buttons">
      <button type="button" className="primary show-answer" onClick={onShow} title="Show answer (Space)">
        Show Answer
      </button>
    </div>
  );
}

export function AnswerBar({ buttons, onAnswer }: { buttons: AnswerButton[]; onAnswer(ease: AnswerEase): void }) {
  return (
    <div className="answer-buttons" role="group" aria-label="Answer">
      {buttons.map((b) => (
        <button key={b.ease} type="button" className={`ease ease${b.ease}`} onClick={() => onAnswer(b.ease)} title={`${b.label} (${b.ease})`}>
          <span className="interval">{b.interval}</span>
          <span className="ease-label">{b.label}</span>
        </button>
      ))}
    </div>
  );
}

function format(secs: number): string {
  return `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`;
}

/** Time on the current card; stops (in red) at the preset's maximum answer time. Give it a `key` per card. */
export function ReviewTimer({ capSecs }: { capSecs: number }) {
  const [shownAt] = useState(() => Date.now());
  const [now, setNow] = useState(shownAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const secs = Math.min(capSecs, Math.max(0, Math.floor((now - shownAt) / 1000)));
  return (
    <span className={`review-timer${secs >= capSecs ? ' capped' : ''}`} aria-label="Time on this card">
      {format(secs)}
    </span>
  );
}
