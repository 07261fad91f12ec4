import { useEffect, useState } from 'react';
import type { PermissionAnswer } from '../../../../shared/bridge/edit';
import { registerCommand } from '../../gui-commands';
import { Modal } from '../Modal';

interface Question {
  origin: string;
  answer(value: PermissionAnswer): void;
}

/**
 * requestPermission from an untrusted origin: main sends `permission.ask` and waits for
 * the user. Several requests are asked one after another.
 */
export function PermissionPrompt() {
  const [queue, setQueue] = useState<Question[]>([]);

  useEffect(
    () =>
      registerCommand('permission.ask', (payload) => {
        const origin = String((payload as { origin?: unknown } | null)?.origin ?? '');
        return new Promise<PermissionAnswer>((resolve) => {
          const question: Question = {
            origin,
            answer(value) {
              setQueue((q) => q.filter((item) => item !== question));
              resolve(value);
            },
          };
          setQueue((q) => [...q, question]);
        });
      }),
    [],
  );

  const current = queue[0];
  if (!current) return null;
  const shown = current.origin || '(no origin)';
  return (
    <Modal title="A website wants to access Engram" label="Permission request" className="permission-modal" onClose={() => current.answer('deny')}>
      <p className="permission-question">
        <strong className="permission-origin">"{shown}"</strong> requests permission to use Engram through the AnkiConnect API. Do you
        want to give it access?
      </p>
      <p className="muted">
        By granting permission, you allow the website to change your collection on your behalf, including destructive actions such as
        deleting decks.
      </p>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={() => current.answer('allow')}>
          Allow
        </button>
        <button type="button" autoFocus onClick={() => current.answer('deny')}>
          Deny
        </button>
        <button type="button" onClick={() => current.answer('ignore')} disabled={!current.origin}>
          Ignore from now on
        </button>
      </div>
    </Modal>
  );
}
