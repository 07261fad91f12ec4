import { useEffect, useRef, type ReactNode } from 'react';

export interface ModalProps {
  title: string;
  children: ReactNode;
  onClose(): void;
  /** Accessible name of the dialog element, for tests and screen readers (defaults to the title). */
  label?: string;
  className?: string;
}

/** A modal dialog: focus moves in, Escape closes, focus returns to where it was. */
export function Modal({ title, children, onClose, label, className }: ModalProps) {
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
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className={`modal${className ? ` ${className}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={label ?? title}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 className="modal-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
