import { useEffect, useState } from 'react';
import type { BridgeResult } from '../../../../shared/bridge';
import { useBridge } from '../../bridge/context';

const POLL_MS = 200;

type JobStatusMethod = 'import.status' | 'export.status';

/** Polls a long import or export job every 200 ms until it stops running. */
export function useJobStatus<M extends JobStatusMethod>(
  method: M,
  jobId: number | null,
  onError: (message: string) => void,
): [BridgeResult<M> | null, (status: BridgeResult<M> | null) => void] {
  const bridge = useBridge();
  const [status, setStatus] = useState<BridgeResult<M> | null>(null);
  useEffect(() => {
    if (jobId === null) return;
    let live = true;
    const timer = setInterval(() => {
      bridge.invoke(method, { jobId }).then(
        (next) => {
          if (!live) return;
          setStatus(next as BridgeResult<M>);
          if (next.state !== 'running') clearInterval(timer);
        },
        (e: unknown) => live && onError(e instanceof Error ? e.message : String(e)),
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [bridge, method, jobId, onError]);
  return [status, setStatus];
}
