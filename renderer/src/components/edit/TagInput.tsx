import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { completeToken, currentToken, splitTagText, tagSuggestions } from './tags';

export interface TagInputProps {
  id: string;
  value: string;
  onChange(value: string): void;
  known: readonly string[];
  label?: string;
  onBlur?: () => void;
}

/** Space-separated tags with completion from the collection's tags (arrows to choose, Tab or Enter to take). */
export function TagInput({ id, value, onChange, known, label = 'Tags', onBlur }: TagInputProps) {
  const input = useRef<HTMLInputElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  /** Where the caret goes after a completion, set as soon as React has written the new value. */
  const pendingCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (pendingCaret.current === null) return;
    input.current?.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });
  const { prefix } = currentToken(value, caret);
  const suggestions = open ? tagSuggestions(known, prefix, splitTagText(value)) : [];

  const take = (tag: string) => {
    const next = completeToken(value, caret, tag);
    onChange(next.text);
    setCaret(next.caret);
    setActive(-1);
    pendingCaret.current = next.caret;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!suggestions.length) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const n = suggestions.length;
      setActive((a) => (step > 0 ? (a + 1 >= n ? -1 : a + 1) : a - 1 < -1 ? n - 1 : a - 1));
    } else if ((event.key === 'Tab' || event.key === 'Enter') && !event.ctrlKey && !event.metaKey) {
      const pick = suggestions[active >= 0 ? active : 0];
      if (pick && (active >= 0 || event.key === 'Tab')) {
        event.preventDefault();
        take(pick);
      }
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="tag-input">
      <label htmlFor={id}>{label}</label>
      <div className="tag-input-box">
        <input
          ref={input}
          id={id}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={value}
          role="combobox"
          aria-expanded={suggestions.length > 0}
          aria-controls={`${id}-suggestions`}
          onChange={(e) => {
            onChange(e.target.value);
            setCaret(e.target.selectionStart ?? e.target.value.length);
            setActive(-1);
            setOpen(true);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            onBlur?.();
          }}
        />
        {suggestions.length > 0 && (
          <ul className="tag-suggestions" id={`${id}-suggestions`} role="listbox">
            {suggestions.map((tag, i) => (
              <li
                key={tag}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  take(tag);
                }}
              >
                {tag}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
