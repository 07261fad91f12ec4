import { action, ActionError, type ActionDefinition } from '../registry';
import { p } from '../params';

export const API_VERSION = 6;

/** The registry names every action; apiReflect reads it lazily to avoid a cycle. */
let listActionNames: () => string[] = () => [];
export function setActionNameSource(source: () => string[]): void {
  listActionNames = source;
}

export const miscActions: ActionDefinition[] = [
  action('version', {}, () => API_VERSION),

  action(
    'apiReflect',
    { scopes: p.array(p.string()), actions: p.optional(p.nullable(p.array(p.string())), null) },
    (_ctx, { scopes, actions }) => {
      const result: { scopes: string[]; actions?: string[] } = { scopes: [] };
      if (scopes.includes('actions')) {
        result.scopes.push('actions');
        const all = listActionNames();
        result.actions = actions === null ? all : actions.filter((name) => all.includes(name));
      }
      return result;
    },
  ),

  action('multi', { actions: p.array(p.any()) }, async (ctx, { actions }) => {
    const replies: unknown[] = [];
    for (const request of actions) replies.push(await ctx.dispatch(request));
    return replies;
  }),

  action('requestPermission', { origin: p.string(), allowed: p.bool() }, async (ctx, { origin, allowed }) => {
    const granted = () => ({ permission: 'granted', requireApikey: Boolean(ctx.host.settings().apiKey), version: API_VERSION });
    if (allowed) return granted();
    const settings = ctx.host.settings();
    if (settings.ignoreOriginList.includes(origin)) return { permission: 'denied' };
    const answer = await ctx.host.askPermission(origin);
    if (answer === 'allow') {
      if (!settings.webCorsOriginList.includes(origin)) {
        ctx.host.updateSettings({ webCorsOriginList: [...settings.webCorsOriginList, origin] });
      }
      return granted();
    }
    if (answer === 'ignore' && origin && !settings.ignoreOriginList.includes(origin)) {
      ctx.host.updateSettings({ ignoreOriginList: [...settings.ignoreOriginList, origin] });
    }
    return { permission: 'denied' };
  }),

  // Engram keeps no AnkiWeb account: there is nothing to synchronise, and clients
  // that call sync after adding notes must not fail.
  action('sync', {}, () => null),

  action('getProfiles', {}, (ctx) => ctx.host.profiles.list()),

  action('getActiveProfile', {}, (ctx) => ctx.host.profiles.active()),

  action('loadProfile', { name: p.string() }, (ctx, { name }) => ctx.host.profiles.load(name)),

  action('reloadCollection', {}, (ctx) => {
    if (!ctx.host.profiles.active()) throw new ActionError('collection is not available');
    ctx.host.profiles.reload();
    return null;
  }),
];
