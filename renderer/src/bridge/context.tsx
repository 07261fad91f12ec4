import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Bridge, BridgeMethod, BridgeParams, BridgeResult } from '../../../shared/bridge';

const BridgeContext = createContext<Bridge | null>(null);

export function BridgeProvider({ bridge, children }: { bridge: Bridge; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

export function useBridge(): Bridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge outside BridgeProvider');
  return bridge;
}

export interface Query<T> {
  data: T | undefined;
  error: string | null;
  reload: () => void;
}

/** Calls a bridge method and calls it again whenever the collection changes. */
export function useBridgeQuery<M extends BridgeMethod>(method: M, params: BridgeParams<M>): Query<BridgeResult<M>> {
  const bridge = useBridge();
  const [data, setData] = useState<BridgeResult<M>>();
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(params);
  useEffect(() => bridge.on('collection.changed', () => setGeneration((g) => g + 1)), [bridge]);
  useEffect(() => {
    let live = true;
    bridge
      .invoke(method, JSON.parse(key) as BridgeParams<M>)
      .then((result) => {
        if (!live) return;
        setData(result);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [bridge, method, key, generation]);
  return { data, error, reload: () => setGeneration((g) => g + 1) };
}
