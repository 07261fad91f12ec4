import { useEffect, useState, type KeyboardEvent } from 'react';
import type { NotetypeInfo, NotetypeOp, TemplatePreview } from '../../../../../shared/bridge/edit';
import { useBridge } from '../../../bridge/context';
import { ConfirmDialog, PromptDialog } from '../../../components/edit/PromptDialog';
import { errorText } from '../../../components/edit/useEditData';

type Side = 'qfmt' | 'afmt' | 'css';
type Dialog = 'add' | 'rename' | 'reposition' | 'delete' | null;

const SIDE_LABELS: Record<Side, string> = { qfmt: 'Front Template', afmt: 'Back Template', css: 'Styling' };

/** A rendered side in a frame without scripts, styled with the note type's CSS. */
function PreviewFrame({ title, html, css }: { title: string; html: string; css: string }) {
  const doc = `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body class="card">${html}</body></html>`;
  return <iframe className="preview-frame" title={title} sandbox="" srcDoc={doc} />;
}

function TemplateEditor({ notetype, ord, onOp }: { notetype: NotetypeInfo; ord: number; onOp(op: NotetypeOp): void }) {
  const bridge = useBridge();
  const template = notetype.templates[ord]!;
  const [draft, setDraft] = useState({ qfmt: template.qfmt, afmt: template.afmt, css: notetype.css });
  const [side, setSide] = useState<Side>('qfmt');
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const dirty = draft.qfmt !== template.qfmt || draft.afmt !== template.afmt || draft.css !== notetype.css;

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      bridge.invoke('notetype.preview', { notetypeId: notetype.id, ord, ...draft }).then(
        (result) => live && setPreview(result),
        (e: unknown) => live && setPreview({ question: '', answer: '', css: '', error: errorText(e) }),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [bridge, notetype.id, ord, draft]);

  const save = () => {
    if (draft.qfmt !== template.qfmt || draft.afmt !== template.afmt) onOp({ kind: 'template', ord, qfmt: draft.qfmt, afmt: draft.afmt });
    if (draft.css !== notetype.css) onOp({ kind: 'css', css: draft.css });
  };

  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      save();
    }
  };

  return (
    <div className="template-editor" onKeyDown={onKey}>
      <div>
        <div className="template-tabs" role="tablist" aria-label="Template part">
          {(Object.keys(SIDE_LABELS) as Side[]).map((s) => (
            <button key={s} type="button" role="tab" aria-selected={side === s} onClick={() => setSide(s)}>
              {SIDE_LABELS[s]}
            </button>
          ))}
        </div>
        <textarea
          aria-label={SIDE_LABELS[side]}
          spellCheck={false}
          value={draft[side]}
          onChange={(e) => setDraft({ ...draft, [side]: e.target.value })}
          style={{ minHeight: '18rem' }}
        />
        <div className="button-row">
          <button type="button" className="primary" disabled={!dirty} onClick={save} title="Ctrl+S">
            Save
          </button>
          <button type="button" disabled={!dirty} onClick={() => setDraft({ qfmt: template.qfmt, afmt: template.afmt, css: notetype.css })}>
            Revert
          </button>
          <span className="muted">{dirty ? 'Unsaved changes' : 'Saved'}</span>
        </div>
      </div>
      <div aria-label="Preview">
        {preview?.error ? (
          <p className="error" role="alert">
            {preview.error}
          </p>
        ) : (
          <>
            <h3 className="field-label">Front preview</h3>
            <PreviewFrame title="Front preview" html={preview?.question ?? ''} css={preview?.css ?? ''} />
            <h3 className="field-label">Back preview</h3>
            <PreviewFrame title="Back preview" html={preview?.answer ?? ''} css={preview?.css ?? ''} />
          </>
        )}
      </div>
    </div>
  );
}

/** Card templates of a note type: list, add/rename/reposition/delete, and the editor with preview. */
export function TemplatesPanel({ notetype, onOp }: { notetype: NotetypeInfo; onOp(op: NotetypeOp): void }) {
  const [ord, setOrd] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const at = Math.min(ord, notetype.templates.length - 1);
  const template = notetype.templates[at];
  const apply = (op: NotetypeOp) => {
    setDialog(null);
    onOp(op);
  };
  return (
    <div className="templates-panel">
      <div className="button-row">
        <label className="form-row">
          <span>Card type</span>
          <select value={at} onChange={(e) => setOrd(Number(e.target.value))} aria-label="Card type">
            {notetype.templates.map((t) => (
              <option key={t.ord} value={t.ord}>
                {t.ord + 1}: {t.name}
              </option>
            ))}
          </select>
        </label>
        {!notetype.cloze && (
          <>
            <button type="button" onClick={() => setDialog('add')}>
              Add Card Type
            </button>
            <button type="button" onClick={() => setDialog('rename')}>
              Rename
            </button>
            <button type="button" disabled={notetype.templates.length < 2} onClick={() => setDialog('reposition')}>
              Reposition
            </button>
            <button type="button" disabled={notetype.templates.length < 2} onClick={() => setDialog('delete')}>
              Delete
            </button>
          </>
        )}
      </div>
      {template && <TemplateEditor key={`${notetype.id}-${at}`} notetype={notetype} ord={at} onOp={onOp} />}
      {dialog === 'add' && (
        <PromptDialog
          title="Add Card Type"
          label="Name"
          initial={`Card ${notetype.templates.length + 1}`}
          submitLabel="Add"
          onClose={() => setDialog(null)}
          onSubmit={(name) => {
            apply({ kind: 'addTemplate', name });
            setOrd(notetype.templates.length);
          }}
        />
      )}
      {dialog === 'rename' && template && (
        <PromptDialog title="Rename Card Type" label="New name" initial={template.name} onClose={() => setDialog(null)} onSubmit={(name) => apply({ kind: 'renameTemplate', ord: at, name })} />
      )}
      {dialog === 'reposition' && template && (
        <PromptDialog
          title="Reposition Card Type"
          label={`New position (1–${notetype.templates.length})`}
          inputType="number"
          initial={String(at + 1)}
          onClose={() => setDialog(null)}
          onSubmit={(value) => {
            const to = Math.max(1, Math.min(notetype.templates.length, Math.trunc(Number(value)) || 1)) - 1;
            apply({ kind: 'repositionTemplate', ord: at, to });
            setOrd(to);
          }}
        />
      )}
      {dialog === 'delete' && template && (
        <ConfirmDialog
          title="Delete Card Type"
          message={`Delete the card type "${template.name}" and all its cards?`}
          confirmLabel="Delete"
          onClose={() => setDialog(null)}
          onConfirm={() => {
            apply({ kind: 'removeTemplate', ord: at });
            setOrd(0);
          }}
        />
      )}
    </div>
  );
}
