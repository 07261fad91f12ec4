import { isAbsolute, resolve } from 'node:path';
import { action, type ActionDefinition } from '../registry';
import { p } from '../params';
import { deckByName } from '../../engine/decks/store';
import { exportPackage, importPackage } from '../../engine/packages';

/** importPackage / exportPackage (spec: Miscellaneous Actions). */
export const packageActions: ActionDefinition[] = [
  // A relative path is taken relative to the media folder, as the spec says.
  action('importPackage', { path: p.string() }, async (ctx, { path }) => {
    const col = ctx.host.collection();
    const file = isAbsolute(path) ? path : resolve(col.mediaDir, path);
    await importPackage(col, file);
    return true;
  }),

  // Like the add-on: false for an unknown deck; the legacy layout every Anki version reads.
  action(
    'exportPackage',
    { deck: p.string(), path: p.string(), includeSched: p.optional(p.bool(), false) },
    async (ctx, { deck, path, includeSched }) => {
      const col = ctx.host.collection();
      const found = deckByName(col, deck);
      if (!found) return false;
      await exportPackage(col, resolve(path), { deckId: found.id, includeSched, legacy: true });
      return true;
    },
  ),
];
