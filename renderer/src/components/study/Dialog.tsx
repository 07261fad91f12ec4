import { useState, type ReactNode } from 'react';
import { Modal } from '../Modal';
import '../../styles/study.css';

interface DialogProps {
  title: string;
  children: ReactNode;
  onClose(): void;
}

/** The study screens' dialog: the shared Modal, keeping keys away from the reviewer's shortcuts. */
export function Dialog({ title, children, onClose }: DialogProps) {
  return (
    <Modal title={title} onClose={onClose} className="study-dialog" backdropClassName="study-dialog-backdrop" isolateKeys>
      {children}
    </Modal>
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
