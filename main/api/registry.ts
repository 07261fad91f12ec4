import type { ApiHost, RequestMeta } from './host';
import { bindParams, type ParamSpec, type ParamsOf } from './params';

/** Thrown by handlers: the message goes to the client as the error text, verbatim. */
export class ActionError extends Error {}

export interface ActionContext {
  host: ApiHost;
  meta: RequestMeta;
  /** Runs a nested request object (used by `multi`). */
  dispatch(request: unknown): Promise<unknown>;
}

export interface ActionDefinition {
  name: string;
  /** The category module it lives in, for apiReflect's scopes. */
  run(ctx: ActionContext, rawParams: Record<string, unknown>): unknown;
}

/** Declares an action: params are validated and typed before the handler runs. */
export function action<S extends ParamSpec>(
  name: string,
  spec: S,
  handler: (ctx: ActionContext, params: ParamsOf<S>) => unknown,
): ActionDefinition {
  return {
    name,
    run: (ctx, raw) => handler(ctx, bindParams(name, spec, raw)),
  };
}

/** The one registry every request goes through; also answers apiReflect. */
export class ActionRegistry {
  private readonly actions = new Map<string, ActionDefinition>();

  constructor(definitions: readonly ActionDefinition[]) {
    for (const def of definitions) {
      if (this.actions.has(def.name)) throw new Error(`action defined twice: ${def.name}`);
      this.actions.set(def.name, def);
    }
  }

  get(name: string): ActionDefinition | undefined {
    return this.actions.get(name);
  }

  names(): string[] {
    return [...this.actions.keys()].sort();
  }
}
