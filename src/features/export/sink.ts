import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Bytes gathered before one write to the stream. */
const CHUNK = 64 * 1024;

/**
 * Buffers small strings into large writes and waits for the stream to drain, so a large export
 * runs in flat memory at the speed of the disk. Rejects with the stream's error (disk full).
 */
export class Sink {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.parts.length) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}
