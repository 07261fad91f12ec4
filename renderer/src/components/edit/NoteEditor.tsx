import type { ReactNode } from 'react';
import type { NotetypeInfo } from '../../../../shared/bridge/edit';
import { FieldEditor } from './FieldEditor';
import { TagInput } from './TagInput';

export interface NoteEditorProps {
  /** Prefix of element ids (several editors can be on one page). */
  idPrefix: string;
  notetype: NotetypeInfo;
  fields: readonly string[];
  onFieldChange(ord: number, html: string): void;
  tags: string;
  onTagsChange(tags: string): void;
  knownTags: readonly string[];
  /** Shown under the first field (duplicate or empty warnings). */
  firstFieldNotice?: ReactNode;
  firstFieldWarning?: boolean;
  /** Add screen: sticky pins per field. */
  onToggleSticky?: (ord: number) => void;
  /** Bumped to move focus to the first field (after adding, on open). */
  focusToken?: number;
  onBlur?: () => void;
}

/** One editor per field of the note type, then the tags. */
export function NoteEditor(props: NoteEditorProps) {
  const { notetype } = props;
  return (
    <div className="note-editor">
      {notetype.fields.map((field) => (
        <div key={`${notetype.id}-${field.ord}`}>
          <FieldEditor
            id={`${props.idPrefix}-field-${field.ord}`}
            label={field.name}
            value={props.fields[field.ord] ?? ''}
            onChange={(html) => props.onFieldChange(field.ord, html)}
            rtl={field.rtl}
            font={field.font}
            size={Math.min(field.size || 16, 28)}
            plainText={field.plainText}
            warning={field.ord === 0 && props.firstFieldWarning}
            sticky={field.sticky}
            onToggleSticky={props.onToggleSticky ? () => props.onToggleSticky?.(field.ord) : undefined}
            focusToken={field.ord === 0 ? props.focusToken : undefined}
            onBlur={props.onBlur}
          />
          {field.ord === 0 && props.firstFieldNotice}
        </div>
      ))}
      <TagInput id={`${props.idPrefix}-tags`} value={props.tags} onChange={props.onTagsChange} known={props.knownTags} onBlur={props.onBlur} />
    </div>
  );
}
