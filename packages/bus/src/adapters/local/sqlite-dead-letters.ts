// Reads one subscriber's dead letters from the embedded bus file.
import type { DeadLetter, DeadLetterError, DeadLetters } from '../../ports/dead-letters';
import type { EnvelopeValidator } from '../../ports/envelope-validator';
import type { BusDatabase } from './sqlite-schema';

interface Row {
  body: string;
  error: string;
  attempts: number;
  dead_lettered_at: string;
}

export class SqliteDeadLetters implements DeadLetters {
  constructor(
    private readonly db: BusDatabase,
    private readonly subscriber: string,
    private readonly validate: EnvelopeValidator,
  ) {}

  async list(): Promise<DeadLetter[]> {
    const rows = this.db
      .prepare(
        `SELECT body, error, attempts, dead_lettered_at FROM bus_dead_letters WHERE subscriber = ? ORDER BY id`,
      )
      .all(this.subscriber) as Row[];
    return rows.map((row) => {
      const common = {
        error: JSON.parse(row.error) as DeadLetterError,
        attempts: row.attempts,
        deadLetteredAt: new Date(row.dead_lettered_at),
      };
      let raw: unknown;
      try {
        raw = JSON.parse(row.body);
      } catch {
        return { ...common, raw: row.body };
      }
      try {
        return { ...common, envelope: this.validate(raw) };
      } catch {
        return { ...common, raw };
      }
    });
  }
}
