import { useState, type FormEvent } from 'react';
import type { DeckOption, RepositionOptions } from '../../../../../shared/bridge/edit';
import { Modal } from '../../../components/Modal';
import { TagInput } from '../../../components/edit/TagInput';

interface DialogProps<T> {
  onSubmit(value: T): void;
  onClose(): void;
}

function submitWith(fn: () => void) {
  return (event: FormEvent) => {
    event.preventDefault();
    fn();
  };
}

function Actions({ label, onClose }: { label: string; onClose(): void }) {
  return (
    <div className="modal-actions">
      <button type="submit" className="primary">
        {label}
      </button>
      <button type="button" onClick={onClose}>
        Cancel
      </button>
    </div>
  );
}

/** Change Deck: type to filter, arrows or click to pick, Enter to move. */
export function ChangeDeckDialog({ decks, onSubmit, onClose }: DialogProps<number> & { decks: DeckOption[] }) {
  const [filter, setFilter] = useState('');
  const choices = decks.filter((d) => !d.filtered && d.name.toLowerCase().includes(filter.toLowerCase()));
  const [picked, setPicked] = useState<number | null>(null);
  const chosen = choices.find((d) => d.id === picked) ?? choices[0];
  return (
    <Modal title="Change Deck" onClose={onClose}>
      <form onSubmit={submitWith(() => chosen && onSubmit(chosen.id))}>
        <input
          type="text"
          aria-label="Filter decks"
          placeholder="Filter"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
            e.preventDefault();
            const at = chosen ? choices.indexOf(chosen) : -1;
            const next = choices[Math.min(choices.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))];
            if (next) setPicked(next.id);
          }}
        />
        <ul className="list-box" role="listbox" aria-label="Decks">
          {choices.map((d) => (
            <li key={d.id} role="option" aria-selected={d.id === chosen?.id} onClick={() => setPicked(d.id)} onDoubleClick={() => onSubmit(d.id)}>
              {d.name}
            </li>
          ))}
        </ul>
        <Actions label="Move Cards" onClose={onClose} />
      </form>
    </Modal>
  );
}

export function TagsDialog({ remove, knownTags, onSubmit, onClose }: DialogProps<string> & { remove: boolean; knownTags: readonly string[] }) {
  const [tags, setTags] = useState('');
  return (
    <Modal title={remove ? 'Remove Tags' : 'Add Tags'} onClose={onClose}>
      <form onSubmit={submitWith(() => tags.trim() && onSubmit(tags))}>
        <TagInput id="bulk-tags" value={tags} onChange={setTags} known={knownTags} label={remove ? 'Tags to remove' : 'Tags to add'} />
        <Actions label={remove ? 'Remove' : 'Add'} onClose={onClose} />
      </form>
    </Modal>
  );
}

export function RepositionDialog({ onSubmit, onClose }: DialogProps<RepositionOptions>) {
  const [options, setOptions] = useState<RepositionOptions>({ start: 0, step: 1, randomize: false, shift: false });
  return (
    <Modal title="Reposition New Cards" onClose={onClose}>
      <form onSubmit={submitWith(() => onSubmit(options))}>
        <label className="form-row">
          <span>Start position</span>
          <input type="number" value={options.start} onChange={(e) => setOptions({ ...options, start: Number(e.target.value) })} />
        </label>
        <label className="form-row">
          <span>Step</span>
          <input type="number" min={1} value={options.step} onChange={(e) => setOptions({ ...options, step: Number(e.target.value) })} />
        </label>
        <label className="form-row">
          <input type="checkbox" checked={options.randomize} onChange={(e) => setOptions({ ...options, randomize: e.target.checked })} />
          Randomize order
        </label>
        <label className="form-row">
          <input type="checkbox" checked={options.shift} onChange={(e) => setOptions({ ...options, shift: e.target.checked })} />
          Shift position of existing cards
        </label>
        <Actions label="Reposition" onClose={onClose} />
      </form>
    </Modal>
  );
}

export function ForgetDialog({ onSubmit, onClose }: DialogProps<{ restorePosition: boolean; resetCounts: boolean }>) {
  const [restorePosition, setRestore] = useState(true);
  const [resetCounts, setReset] = useState(false);
  return (
    <Modal title="Reset (Forget) Cards" onClose={onClose}>
      <form onSubmit={submitWith(() => onSubmit({ restorePosition, resetCounts }))}>
        <p className="muted">The selected cards become new cards.</p>
        <label className="form-row">
          <input type="checkbox" checked={restorePosition} onChange={(e) => setRestore(e.target.checked)} />
          Restore original position where possible
        </label>
        <label className="form-row">
          <input type="checkbox" checked={resetCounts} onChange={(e) => setReset(e.target.checked)} />
          Reset repetition and lapse counts
        </label>
        <Actions label="Forget" onClose={onClose} />
      </form>
    </Modal>
  );
}

export interface FindReplaceValue {
  search: string;
  replacement: string;
  field: string | null;
  selectedOnly: boolean;
  matchCase: boolean;
  regex: boolean;
}

export function FindReplaceDialog({ fieldNames, onSubmit, onClose }: DialogProps<FindReplaceValue> & { fieldNames: string[] }) {
  const [value, setValue] = useState<FindReplaceValue>({ search: '', replacement: '', field: null, selectedOnly: true, matchCase: false, regex: false });
  return (
    <Modal title="Find and Replace" onClose={onClose}>
      <form onSubmit={submitWith(() => value.search && onSubmit(value))}>
        <label className="form-row">
          <span>Find</span>
          <input type="text" value={value.search} onChange={(e) => setValue({ ...value, search: e.target.value })} />
        </label>
        <label className="form-row">
          <span>Replace with</span>
          <input type="text" value={value.replacement} onChange={(e) => setValue({ ...value, replacement: e.target.value })} />
        </label>
        <label className="form-row">
          <span>In</span>
          <select value={value.field ?? ''} onChange={(e) => setValue({ ...value, field: e.target.value || null })}>
            <option value="">All fields</option>
            <option value="__tags__">Tags</option>
            {fieldNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="form-row">
          <input type="checkbox" checked={value.selectedOnly} onChange={(e) => setValue({ ...value, selectedOnly: e.target.checked })} />
          Selected notes only
        </label>
        <label className="form-row">
          <input type="checkbox" checked={!value.matchCase} onChange={(e) => setValue({ ...value, matchCase: !e.target.checked })} />
          Ignore case
        </label>
        <label className="form-row">
          <input type="checkbox" checked={value.regex} onChange={(e) => setValue({ ...value, regex: e.target.checked })} />
          Treat input as regular expression
        </label>
        <Actions label="Replace" onClose={onClose} />
      </form>
    </Modal>
  );
}

export function DeleteDialog({ count, onSubmit, onClose }: DialogProps<true> & { count: number }) {
  return (
    <Modal title="Delete Notes" onClose={onClose}>
      <form onSubmit={submitWith(() => onSubmit(true))}>
        <p>
          Delete {count} note{count === 1 ? '' : 's'} and all {count === 1 ? 'its' : 'their'} cards? This cannot be undone.
        </p>
        <Actions label="Delete" onClose={onClose} />
      </form>
    </Modal>
  );
}
