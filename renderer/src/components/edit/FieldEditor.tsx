import { useEffect, useLayoutEffect, useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent } from 'react';
import { useBridge } from '../../bridge/context';
import { applyMediaUrls, fromEditorHtml, mediaImageHtml, toEditorHtml } from './field-html';
import { knownMediaUrls, pastedFilename, readFileData, rememberMediaUrl, resolveMediaUrls } from './media-cache';
import { sanitizePastedHtml, textToHtml } from './sanitize';

export interface FieldEditorProps {
  /** Stable id so labels and tests can find the field. */
  id: string;
  label: string;
  value: string;
  onChange(html: string): void;
  rtl?: boolean;
  font?: string;
  size?: number;
  plainText?: boolean;
  /** Marks the field (the duplicate warning on the first field). */
  warning?: boolean;
  sticky?: boolean;
  onToggleSticky?: () => void;
  /** Each new value moves focus into this field. */
  focusToken?: number;
  onBlur?: () => void;
}

const FORMAT_BUTTONS: { command: string; label: string; title: string }[] = [
  { command: 'bold', label: 'B', title: 'Bold (Ctrl+B)' },
  { command: 'italic', label: 'I', title: 'Italic (Ctrl+I)' },
  { command: 'underline', label: 'U', title: 'Underline (Ctrl+U)' },
  { command: 'insertUnorderedList', label: '•', title: 'Bulleted list (Ctrl+Shift+L)' },
  { command: 'insertOrderedList', label: '1.', title: 'Numbered list (Ctrl+Shift+O)' },
];

function runFormat(command: string): void {
  // execCommand is deprecated but remains the one way to edit a contenteditable with undo support.
  document.execCommand(command, false);
}

/** Enter in a list item makes the next item, as usual. */
function insideListItem(): boolean {
  let node: Node | null = document.getSelection()?.anchorNode ?? null;
  while (node) {
    if (node.nodeName === 'LI') return true;
    if (node instanceof HTMLElement && node.isContentEditable === false) return false;
    node = node.parentNode;
  }
  return false;
}

function insertHtml(html: string): void {
  document.execCommand('insertHTML', false, html);
}

/** One rich-text field: contenteditable with formatting buttons; pasted pictures go to the media folder. */
export function FieldEditor(props: FieldEditorProps) {
  const bridge = useBridge();
  const ref = useRef<HTMLDivElement>(null);
  const emitted = useRef<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showHtml, setShowHtml] = useState(false);
  const { value, onChange } = props;

  // Only outside changes replace the DOM; what the user typed is already there.
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root || value === emitted.current) return;
    emitted.current = value;
    const { html, missing } = toEditorHtml(value, knownMediaUrls());
    root.innerHTML = html;
    if (missing.length) {
      void resolveMediaUrls(bridge, missing).then((urls) => ref.current && applyMediaUrls(ref.current, urls), () => undefined);
    }
  }, [value, bridge]);

  useEffect(() => {
    if (props.focusToken !== undefined) ref.current?.focus();
  }, [props.focusToken]);

  const emit = () => {
    const root = ref.current;
    if (!root) return;
    const html = fromEditorHtml(root);
    emitted.current = html;
    onChange(html);
  };

  const storeFiles = async (files: File[]) => {
    for (const file of files) {
      try {
        const [{ base64, dataUrl }, name] = await Promise.all([readFileData(file), pastedFilename(file)]);
        const { filename } = await bridge.invoke('media.store', { filename: name, data: base64 });
        rememberMediaUrl(filename, dataUrl);
        ref.current?.focus();
        insertHtml(mediaImageHtml(filename, dataUrl));
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    }
    emit();
  };

  const imageFiles = (list: DataTransfer): File[] => [...list.files].filter((f) => f.type.startsWith('image/'));

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const images = imageFiles(event.clipboardData);
    event.preventDefault();
    if (images.length && !props.plainText) {
      void storeFiles(images);
      return;
    }
    const html = event.clipboardData.getData('text/html');
    const text = event.clipboardData.getData('text/plain');
    insertHtml(html && !props.plainText ? sanitizePastedHtml(html) : textToHtml(text));
    emit();
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const images = imageFiles(event.dataTransfer);
    if (!images.length || props.plainText) return;
    event.preventDefault();
    void storeFiles(images);
  };

  const toggleHtml = () => setShowHtml((shown) => !shown);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.shiftKey && (event.key === 'X' || event.key === 'x')) {
      event.preventDefault();
      toggleHtml();
      return;
    }
    if (event.key === 'Enter' && !mod && !event.shiftKey && !event.altKey && !insideListItem()) {
      // Anki's fields use <br> for new lines; Chromium would start a <div>.
      event.preventDefault();
      document.execCommand('insertLineBreak', false);
      emit();
      return;
    }
    if (mod && event.shiftKey && (event.key === 'L' || event.key === 'l')) {
      event.preventDefault();
      runFormat('insertUnorderedList');
      emit();
    } else if (mod && event.shiftKey && (event.key === 'O' || event.key === 'o')) {
      event.preventDefault();
      runFormat('insertOrderedList');
      emit();
    }
  };

  return (
    <div className={`field${props.warning ? ' field-warning' : ''}`} data-field={props.label}>
      <div className="field-head">
        <label className="field-label" htmlFor={props.id} onClick={() => ref.current?.focus()}>
          {props.label}
        </label>
        {!props.plainText && (
          <span className="field-format" role="toolbar" aria-label={`Format ${props.label}`}>
            {FORMAT_BUTTONS.map((b) => (
              <button
                key={b.command}
                type="button"
                tabIndex={-1}
                title={b.title}
                className={`format-${b.command}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  runFormat(b.command);
                  emit();
                }}
              >
                {b.label}
              </button>
            ))}
          </span>
        )}
        <button
          type="button"
          tabIndex={-1}
          className={`html-toggle${showHtml ? ' on' : ''}`}
          aria-pressed={showHtml}
          title="HTML editor (Ctrl+Shift+X)"
          onClick={toggleHtml}
        >
          {'<>'}
        </button>
        {props.onToggleSticky && (
          <button
            type="button"
            tabIndex={-1}
            className={`sticky-toggle${props.sticky ? ' on' : ''}`}
            aria-pressed={Boolean(props.sticky)}
            title="Sticky: keep this field's content after adding"
            onClick={props.onToggleSticky}
          >
            <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true">
              <path d="M5 1h6l-1 5 3 3H9l-1 6-1-6H3l3-3z" fill="currentColor" />
            </svg>
            <span className="visually-hidden">Sticky</span>
          </button>
        )}
      </div>
      <div
        ref={ref}
        id={props.id}
        className="field-input"
        role="textbox"
        aria-multiline="true"
        aria-label={props.label}
        contentEditable
        suppressContentEditableWarning
        dir={props.rtl ? 'rtl' : undefined}
        style={{ fontFamily: props.font || undefined, fontSize: props.size ? `${props.size}px` : undefined }}
        onInput={emit}
        onPaste={onPaste}
        onDrop={onDrop}
        onKeyDown={onKeyDown}
        onBlur={props.onBlur}
      />
      {showHtml && (
        <textarea
          className="field-html"
          aria-label={`${props.label} HTML`}
          spellCheck={false}
          value={value}
          autoFocus
          onChange={(e) => onChange(e.target.value)}
          onBlur={props.onBlur}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'x') {
              e.preventDefault();
              setShowHtml(false);
              ref.current?.focus();
            }
          }}
        />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
