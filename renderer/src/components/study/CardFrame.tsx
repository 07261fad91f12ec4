import { useEffect, useMemo, useRef } from 'react';
import { mediaBaseUrl } from './media';
import { useDarkTheme } from './theme';

const BASE_CSS =
  'html{height:100%;}body{margin:0;padding:1em;overflow-wrap:break-word;}' +
  'img{max-width:100%;height:auto;}hr#answer{margin:1em 0;}' +
  // Night mode beats the stock `.card { color: black; background-color: white }`, as in Anki's reviewer.
  'html body.nightMode{background-color:#2f2f31;color:#e6e6e6;}.nightMode a{color:#8ab4f8;}';

const TYPE_ANSWER_CSS =
  '#typeans{font-family:monospace;}.typeGood{background:#afa;color:black;}.typeBad{background:#faa;color:black;}' +
  '.typeMissed{background:#ccc;color:black;}';

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The card document: Anki's `.card` body classes, the notetype CSS, media resolved against the media folder. */
export function cardDocument(html: string, css: string, bodyClass: string, dark: boolean): string {
  const classes = `${bodyClass}${dark ? ' nightMode night_mode' : ''}`;
  return (
    `<!doctype html><html><head><meta charset="utf-8"><base href="${escapeAttr(mediaBaseUrl())}">` +
    `<style>${BASE_CSS}${TYPE_ANSWER_CSS}</style><style>${css}</style></head>` +
    `<body class="${escapeAttr(classes)}"><div id="qa">${html}</div></body></html>`
  );
}

interface CardFrameProps {
  html: string;
  css: string;
  bodyClass: string;
  title: string;
  /** Called when the frame takes focus, so the page can take the keyboard back. */
  onFocusTaken?(): void;
}

/**
 * Card HTML in a sandboxed frame: no scripts, an opaque origin, so card content can neither
 * run code nor reach the bridge. Images and fonts load from the media folder.
 */
export function CardFrame({ html, css, bodyClass, title, onFocusTaken }: CardFrameProps) {
  const dark = useDarkTheme();
  const frame = useRef<HTMLIFrameElement>(null);
  const doc = useMemo(() => cardDocument(html, css, bodyClass, dark), [html, css, bodyClass, dark]);
  useEffect(() => {
    if (!onFocusTaken) return;
    const onBlur = () => setTimeout(() => document.activeElement === frame.current && onFocusTaken(), 0);
    window.addEventListener('blur', onBlur);
    return () => window.removeEventListener('blur', onBlur);
  }, [onFocusTaken]);
  return <iframe ref={frame} className="card-frame" title={title} sandbox="" srcDoc={doc} tabIndex={-1} />;
}
