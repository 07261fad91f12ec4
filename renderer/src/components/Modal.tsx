import { useEffect, useRef, type ReactNode } from 'react';

export interface ModalProps {
  title: string;
  children: ReactNode;
  onClose(): void;
  /** Accessible name of the dialog element, for tests and screen readers (defaults to the title). */
  label?: string;
  /** Classes of the dialog box and of the backdrop (defaults: `modal`, `modal-backdrop`). */
  className?: string;
  backdropClassName?: string;
  /** Keep every key press inside the dialog, so screen shortcuts behind it do not fire. */
  isolateKeys?: boolean;
}

/** The one modal dialog of the app: focus moves in, Escape closes, focus returns to where it was. */
export function Modal({ title, children, onClose, label, className = 'modal', backdropClassName = 'modal-backdrop', isolateKeys = false }: ModalProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    // An element with autoFocus is already focused; otherwise the first control is.
    if (!box.current?.contains(document.activeElement)) {
      box.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    }
    return () => previous?.focus?.();
  }, []);
  return (
    <div className={backdropClassName} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className={className}
        role="dialog"
        aria-modal="true"
        aria-label={label ?? title}
        onKeyDown={(e) => {
          if (isolateKeys) e.stopPropagation();
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 className={className === 'modal' ? 'modal-title' : undefined}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
