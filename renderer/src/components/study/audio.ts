import { mediaUrl } from './media';

/**
 * Plays `[sound:…]` files one after another through one `<audio>` element, as Anki's
 * reviewer queues a side's audio. A new `play` call replaces what is playing.
 */
export class AudioQueue {
  private readonly element = new Audio();
  private queue: string[] = [];
  /** Bumped per file, so late events of a replaced file do nothing. */
  private generation = 0;

  /** `onStart` hears each file as it starts (the reviewer shows it). */
  constructor(private readonly onStart: (filename: string) => void = () => undefined) {}

  play(filenames: readonly string[]): void {
    this.stop();
    this.queue = [...filenames];
    this.next();
  }

  stop(): void {
    this.queue = [];
    this.generation++;
    this.element.onended = null;
    this.element.onerror = null;
    this.element.pause();
    this.element.removeAttribute('src');
  }

  private next(): void {
    const name = this.queue.shift();
    if (name === undefined) return;
    const generation = ++this.generation;
    const advance = () => generation === this.generation && this.next();
    this.element.onended = advance;
    this.element.onerror = advance;
    this.onStart(name);
    this.element.src = mediaUrl(name);
    this.element.play().catch((error: unknown) => {
      // Blocked by the autoplay policy (no key pressed yet): stop rather than skip through the list.
      if (error instanceof DOMException && error.name === 'NotAllowedError') this.queue = [];
      else advance();
    });
  }
}
