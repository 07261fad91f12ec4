import { useState } from 'react';
import { Modal } from '../Modal';

export interface PromptDialogProps {
  title: string;
  label: string;
  initial?: string;
  submitLabel?: string;
  inputType?: 'text' | 'number';
  onSubmit(value: string): void;
  onClose(): void;
}

/** Asks for one value; Enter submits, Escape cancels. */
export function PromptDialog(props: PromptDialogProps) {
  const [value, setValue] = useState(props.initial ?? '');
  return (
    <Modal title={props.title} onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit(value);
        }}
      >
        <label className="form-row">
          <span>{props.label}</span>
          <input type={props.inputType ?? 'text'} value={value} autoFocus onChange={(e) => setValue(e.target.value)} onFocus={(e) => e.target.select()} />
        </label>
        <div className="modal-actions">
          <button type="submit" className="primary">
            {props.submitLabel ?? 'OK'}
          </button>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function ConfirmDialog(props: { title: string; message: string; confirmLabel: string; onConfirm(): void; onClose(): void }) {
  return (
    <Modal title={props.title} onClose={props.onClose}>
      <p>{props.message}</p>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
        <button type="button" autoFocus onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
