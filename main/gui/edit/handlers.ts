import type { BridgeHub } from '../hub';
import type { BridgeDeps } from '../handlers';

export function registerEditHandlers(_hub: BridgeHub, _deps: BridgeDeps): void {}
