import { useBridgeQuery } from '../../bridge/context';
import type { DeckOption, NotetypeInfo } from '../../../../shared/bridge/edit';

const NONE = {} as Record<string, never>;

/** Decks, note types and tags, refetched when the collection changes. */
export function useDecks(): DeckOption[] {
  return useBridgeQuery('edit.decks', NONE).data ?? [];
}

export function useNotetypes(): { list: NotetypeInfo[]; loaded: boolean; reload(): void } {
  const query = useBridgeQuery('edit.notetypes', NONE);
  return { list: query.data ?? [], loaded: query.data !== undefined, reload: query.reload };
}

export function useTags(): string[] {
  return useBridgeQuery('edit.tags', NONE).data ?? [];
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
