import { useEffect, useRef, useState, type ReactNode } from 'react';
import '../../styles/study.css';

interface DialogProps {
  title: string;
  children: ReactNode;
  onClose(): void;
}

/** A modal dialog: focus moves in, Escape closes, focus returns where it was. */
export function Dialog({ title, children, onClose }: DialogProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    if (!box.current?.contains(document.activeElement)) {
      box.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    }
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="study-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className="study-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}

interface PromptProps {
  title: string;
  label: string;
  initial?: string;
  confirmLabel?: string;
  onSubmit(value: string): Promise<void> | void;
  onClose(): void;
}

/** Asks for one line of text; errors from `onSubmit` are shown in the dialog. */
export function PromptDialog({ title, label, initial = '', confirmLabel = 'OK', onSubmit, onClose }: PromptProps) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      await onSubmit(value);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          e.stopPropagation();
          void submit();
        }}
      >
        <label className="study-field">
          <span>{label}</span>
          <input autoFocus value={value} onChange={(e) => setValue(e.target.value)} onFocus={(e) => e.target.select()} />
        </label>
        {error && <p role="alert" className="study-error">{error}</p>}
        <div className="study-dialog-buttons">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" disabled={!value.trim()}>{confirmLabel}</button>
        </div>
      </form>
    </Dialog>
  );
}

interface ConfirmProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm(): Promise<void> | void;
  onClose(): void;
}

export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onClose }: ConfirmProps) {
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title={title} onClose={onClose}>
      <p>{message}</p>
      {error && <p role="alert" className="study-error">{error}</p>}
      <div className="study-dialog-buttons">
        <button type="button" autoFocus onClick={onClose}>Cancel</button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            Promise.resolve(onConfirm()).then(onClose, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
