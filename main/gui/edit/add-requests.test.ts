import { describe, expect, it } from 'vitest';
import { AddRequests, addRequestsFor } from './add-requests';
import { BridgeHub } from '../hub';

describe('guiAddCards requests', () => {
  it('resolves with the id the note gets, once', async () => {
    const requests = new AddRequests();
    const { id, result } = requests.open();
    expect(requests.pending).toBe(1);
    requests.settle(id, 123);
    requests.settle(id, 456);
    expect(await result).toBe(123);
    expect(requests.pending).toBe(0);
  });

  it('answers 0 to every waiting request when the screen is replaced', async () => {
    const requests = new AddRequests();
    const a = requests.open();
    const b = requests.open();
    requests.settleAll();
    expect(await Promise.all([a.result, b.result])).toEqual([0, 0]);
  });

  it('keeps one registry per bridge hub', () => {
    const hub = new BridgeHub();
    expect(addRequestsFor(hub)).toBe(addRequestsFor(hub));
    expect(addRequestsFor(new BridgeHub())).not.toBe(addRequestsFor(hub));
  });
});
