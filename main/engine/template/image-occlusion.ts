/** Image occlusion shapes inside cloze deletions (rslib/src/image_occlusion/imageocclusion.rs). */
import { encodeAttribute } from './rust-text';

export interface OcclusionShape {
  shape: string;
  properties: { name: string; value: string }[];
}

/** Parses a `\`-escaped value that ends at an unescaped `:`; undefined where nom would fail. */
function parseValue(text: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c !== '\\' && c !== ':') {
      value += c;
      i++;
    } else if (c === '\\') {
      const escaped = text[i + 1];
      if (escaped !== '\\' && escaped !== ':') return undefined;
      value += escaped;
      i += 2;
    } else {
      return i === start ? undefined : { value, end: i };
    }
  }
  return { value, end: i };
}

/** `rect:left=10:top=20…` → shape and properties; undefined if there is no `:` at all. */
export function parseImageCloze(text: string): OcclusionShape | undefined {
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const shape: OcclusionShape = { shape: text.slice(0, colon), properties: [] };
  let pos = colon;
  for (;;) {
    const equals = text.indexOf('=', pos + 1);
    if (text[pos] !== ':' || equals <= pos + 1) break;
    const parsed = parseValue(text, equals + 1);
    if (!parsed) break;
    shape.properties.push({ name: text.slice(pos + 1, equals), value: parsed.value });
    pos = parsed.end;
  }
  return shape;
}

const isEmptyOrZero = (value: string): boolean => value === '' || value === '0';

function propertyAttribute(name: string, value: string): string {
  switch (name) {
    case 'left':
    case 'top':
    case 'angle':
    case 'fill':
      return value ? `data-${name}="${value}" ` : '';
    case 'width':
    case 'height':
    case 'rx':
    case 'ry':
    case 'scale':
      return isEmptyOrZero(value) ? '' : `data-${name}="${value}" `;
    case 'points': {
      const points = value
        .split(' ')
        .filter((pair) => pair.includes(','))
        .map((pair) => {
          const comma = pair.indexOf(',');
          return `${pair.slice(0, comma)},${pair.slice(comma + 1)}`;
        })
        .join(' ');
      return points ? `data-points="${points}" ` : '';
    }
    case 'oi':
      return value ? `data-occludeInactive="${value}" ` : '';
    case 'text':
      return value ? `data-text="${encodeAttribute(value)}" ` : '';
    case 'fs':
      return value ? `data-font-size="${value}" ` : '';
    default:
      return '';
  }
}

/** The `data-…` attributes Anki writes for one occlusion shape. */
export function imageClozeData(text: string): string {
  const occlusion = parseImageCloze(text);
  if (!occlusion) return '';
  const known = ['rect', 'ellipse', 'polygon', 'text'].includes(occlusion.shape);
  let out = known ? `data-shape="${occlusion.shape}" ` : '';
  for (const { name, value } of occlusion.properties) out += propertyAttribute(name, value);
  return out;
}

/** One shape as the cloze filter renders it on a given side. */
export function renderImageOcclusion(text: string, question: boolean, active: boolean, ordinals: readonly number[]): string {
  const ords = ordinals.join(',');
  const data = imageClozeData(text);
  if ((question && active) || ordinals.includes(0)) return `<div class="cloze" data-ordinal="${ords}" ${data}></div>`;
  if (!active) return `<div class="cloze-inactive" data-ordinal="${ords}" ${data}></div>`;
  return `<div class="cloze-highlight" data-ordinal="${ords}" ${data}></div>`;
}
