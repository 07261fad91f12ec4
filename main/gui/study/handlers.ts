import type { BridgeHub } from '../hub';
import type { BridgeDeps } from '../handlers';

export function registerStudyHandlers(_hub: BridgeHub, _deps: BridgeDeps): void {}
