import { useState, type ReactNode } from 'react';
import type { DeckOptionsData, PresetSettings } from '../../../../shared/bridge/study';
import { useBridge, useBridgeQuery } from '../../bridge/context';
import { useNavigation } from '../../navigation';
import type { ScreenProps } from '../registry';
import { ConfirmDialog, PromptDialog } from '../../components/study/Dialog';
import { formatSteps, parseSteps } from '../../components/study/steps';
import '../../styles/study.css';

type NumberKey = {
  [K in keyof PresetSettings]: PresetSettings[K] extends number ? K : never;
}[keyof PresetSettings];
type BoolKey = {
  [K in keyof PresetSettings]: PresetSettings[K] extends boolean ? K : never;
}[keyof PresetSettings];

interface Draft {
  preset: PresetSettings;
  learnSteps: string;
  relearnSteps: string;
  fsrs: boolean;
}

function draftOf(data: DeckOptionsData, presetId: number): Draft | null {
  const preset = data.presets.find((p) => p.id === presetId);
  if (!preset) return null;
  return {
    preset: { ...preset },
    learnSteps: formatSteps(preset.learnSteps),
    relearnSteps: formatSteps(preset.relearnSteps),
    fsrs: data.fsrs,
  };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="options-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

interface FieldProps<K> {
  draft: Draft;
  name: K;
  label: string;
  set(update: Partial<PresetSettings>): void;
}

function NumberField({
  draft,
  name,
  label,
  set,
  step = 1,
  hint,
}: FieldProps<NumberKey> & { step?: number; hint?: string }) {
  return (
    <label className="study-field">
      <span>{label}</span>
      <input
        type="number"
        step={step}
        value={draft.preset[name]}
        onChange={(e) => set({ [name]: e.target.valueAsNumber })}
      />
      {hint && <small>{hint}</small>}
    </label>
  );
}

function CheckField({ draft, name, label, set }: FieldProps<BoolKey>) {
  return (
    <label className="study-check">
      <input
        type="checkbox"
        checked={draft.preset[name]}
        onChange={(e) => set({ [name]: e.target.checked })}
      />
      <span>{label}</span>
    </label>
  );
}

type PresetDialog = 'add' | 'clone' | 'rename' | 'remove' | null;

/** Anki's deck options: the deck's preset (limits, steps, intervals, ease, lapses, burying, FSRS); Ctrl+Enter saves. */
export function DeckOptions({ params }: ScreenProps) {
  const deckId = typeof params.deckId === 'number' ? params.deckId : 1;
  const bridge = useBridge();
  const { navigate } = useNavigation();
  const { data, error, reload } = useBridgeQuery('study.options.get', { deckId });
  const [presetId, setPresetId] = useState<number | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [dialog, setDialog] = useState<PresetDialog>(null);

  // The preset shown: the one picked, else the deck's. One just added appears once the data reloads.
  const shownId = presetId ?? data?.presetId ?? null;
  if (
    data &&
    shownId !== null &&
    (!draft || draft.preset.id !== shownId) &&
    data.presets.some((p) => p.id === shownId)
  ) {
    setDraft(draftOf(data, shownId));
  }

  const set = (update: Partial<PresetSettings>) =>
    setDraft((d) => (d ? { ...d, preset: { ...d.preset, ...update } } : d));

  const save = async () => {
    if (!draft) return;
    try {
      const preset = {
        ...draft.preset,
        learnSteps: parseSteps(draft.learnSteps),
        relearnSteps: parseSteps(draft.relearnSteps),
      };
      await bridge.invoke('study.options.save', { deckId, preset, fsrs: draft.fsrs });
      setStatus('Saved.');
      navigate('overview', { deckId });
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
  };

  if (error) return <p role="alert">{error}</p>;
  if (!data || !draft) return <p>Loading…</p>;
  if (data.filtered) return <p>“{data.deckName}” is a filtered deck: it has no options preset.</p>;
  const usedBy = data.presets.find((p) => p.id === draft.preset.id)?.deckCount ?? 0;
  return (
    <>
      <form
        className="deck-options"
        aria-label="Deck options"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <h1>Options for {data.deckName}</h1>
        <div className="preset-bar">
          <label className="study-field inline">
            <span>Preset</span>
            <select
              value={draft.preset.id}
              onChange={(e) => {
                const id = Number(e.target.value);
                setPresetId(id);
              }}
            >
              {data.presets.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} (used by {p.deckCount} deck{p.deckCount === 1 ? '' : 's'})
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setDialog('add')}>
            Add Preset
          </button>
          <button type="button" onClick={() => setDialog('clone')}>
            Clone
          </button>
          <button type="button" onClick={() => setDialog('rename')}>
            Rename
          </button>
          <button type="button" onClick={() => setDialog('remove')} disabled={draft.preset.id === 1}>
            Remove
          </button>
        </div>
        {usedBy > 1 && (
          <p className="options-hint">
            This preset is shared by {usedBy} decks; changes apply to all of them.
          </p>
        )}

        <Section title="Daily Limits">
          <NumberField draft={draft} name="newPerDay" label="New cards/day" set={set} />
          <NumberField draft={draft} name="reviewsPerDay" label="Maximum reviews/day" set={set} />
        </Section>
        <Section title="New Cards">
          <label className="study-field">
            <span>Learning steps</span>
            <input
              value={draft.learnSteps}
              onChange={(e) => setDraft({ ...draft, learnSteps: e.target.value })}
              aria-describedby="steps-hint"
            />
          </label>
          <NumberField draft={draft} name="graduatingInterval" label="Graduating interval (days)" set={set} />
          <NumberField draft={draft} name="easyInterval" label="Easy interval (days)" set={set} />
        </Section>
        <Section title="Lapses">
          <label className="study-field">
            <span>Relearning steps</span>
            <input
              value={draft.relearnSteps}
              onChange={(e) => setDraft({ ...draft, relearnSteps: e.target.value })}
              aria-describedby="steps-hint"
            />
          </label>
          <NumberField draft={draft} name="minimumInterval" label="Minimum interval (days)" set={set} />
          <NumberField draft={draft} name="leechThreshold" label="Leech threshold" set={set} />
          <label className="study-field">
            <span>Leech action</span>
            <select
              value={draft.preset.leechAction}
              onChange={(e) => set({ leechAction: e.target.value === 'suspend' ? 'suspend' : 'tag' })}
            >
              <option value="tag">Tag Only</option>
              <option value="suspend">Suspend Card</option>
            </select>
          </label>
        </Section>
        <p id="steps-hint" className="options-hint">
          Steps are separated by spaces: 1m 10m 1h 1d.
        </p>
        <Section title="Burying">
          <CheckField draft={draft} name="buryNew" label="Bury new siblings" set={set} />
          <CheckField draft={draft} name="buryReviews" label="Bury review siblings" set={set} />
          <CheckField
            draft={draft}
            name="buryInterdayLearning"
            label="Bury interday learning siblings"
            set={set}
          />
        </Section>
        <Section title="Timer and Audio">
          <NumberField draft={draft} name="maxAnswerSecs" label="Maximum answer seconds" set={set} />
          <CheckField draft={draft} name="showTimer" label="Show answer timer" set={set} />
          <CheckField draft={draft} name="autoplay" label="Play audio automatically" set={set} />
        </Section>
        <Section title="FSRS">
          <label className="study-check">
            <input
              type="checkbox"
              checked={draft.fsrs}
              onChange={(e) => setDraft({ ...draft, fsrs: e.target.checked })}
            />
            <span>FSRS (applies to every deck)</span>
          </label>
          <NumberField
            draft={draft}
            name="desiredRetention"
            label="Desired retention"
            step={0.01}
            set={set}
            hint="0.70–0.99"
          />
        </Section>
        <Section title="Advanced">
          <NumberField draft={draft} name="maximumInterval" label="Maximum interval (days)" set={set} />
          <NumberField draft={draft} name="startingEase" label="Starting ease" step={0.01} set={set} />
          <NumberField draft={draft} name="easyBonus" label="Easy bonus" step={0.01} set={set} />
          <NumberField
            draft={draft}
            name="intervalModifier"
            label="Interval modifier"
            step={0.01}
            set={set}
          />
          <NumberField draft={draft} name="hardInterval" label="Hard interval" step={0.01} set={set} />
          <NumberField draft={draft} name="newInterval" label="New interval" step={0.01} set={set} />
        </Section>

        {status && (
          <p role="status" className="options-status">
            {status}
          </p>
        )}
        <div className="options-buttons">
          <button type="button" onClick={() => navigate('overview', { deckId })}>
            Cancel
          </button>
          <button type="submit" className="primary" title="Save (Ctrl+Enter)">
            Save
          </button>
        </div>
      </form>

      {(dialog === 'add' || dialog === 'clone') && (
        <PromptDialog
          title={dialog === 'add' ? 'Add Preset' : 'Clone Preset'}
          label="Preset name"
          initial={dialog === 'clone' ? `${draft.preset.name} copy` : ''}
          onSubmit={async (name) => {
            const { id } = await bridge.invoke('study.options.addPreset', {
              deckId,
              name,
              cloneFrom: dialog === 'clone' ? draft.preset.id : null,
            });
            setPresetId(id);
            reload();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'rename' && (
        <PromptDialog
          title="Rename Preset"
          label="Preset name"
          initial={draft.preset.name}
          onSubmit={async (name) => {
            await bridge.invoke('study.options.renamePreset', { id: draft.preset.id, name });
            setDraft({ ...draft, preset: { ...draft.preset, name } });
            reload();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'remove' && (
        <ConfirmDialog
          title="Remove Preset"
          message={`Remove "${draft.preset.name}"? Decks using it go back to Default.`}
          confirmLabel="Remove"
          onConfirm={async () => {
            await bridge.invoke('study.options.removePreset', { id: draft.preset.id });
            setPresetId(data.presetId === draft.preset.id ? 1 : data.presetId);
            reload();
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
