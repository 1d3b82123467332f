// The event ids this subscriber has already acted on, in a file (one id a line), so a redelivered or
// replayed event (same detail.metadata.eventId) is acknowledged without acting twice, across restarts.
// A real consumer keeps them in its own database, written in the same transaction as the effect.
import fs from 'node:fs';

export interface ProcessedEvents {
  has(eventId: string): boolean;
  /** Durable when it returns. */
  add(eventId: string): void;
}

export class FileProcessedEvents implements ProcessedEvents {
  private readonly ids: Set<string>;

  constructor(private readonly file: string) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    this.ids = new Set(text.split('\n').filter(Boolean));
  }

  has(eventId: string): boolean {
    return this.ids.has(eventId);
  }

  add(eventId: string): void {
    const fd = fs.openSync(this.file, 'a');
    try {
      fs.writeSync(fd, `${eventId}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.ids.add(eventId);
  }
}
