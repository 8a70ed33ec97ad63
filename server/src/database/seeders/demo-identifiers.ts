import type { SeededRandom } from './seeded-random.js';

const digits = [...'0123456789'];
// Makers leave out I and O, which read as 1 and 0 on a label.
const letters = [...'ABCDEFGHJKLMNPQRSTUVWXYZ'];
const alphanumerics = [...digits, ...letters];

/** Serial numbers in each maker's shape, never the same twice. */
export class SerialBook {
  private readonly issued = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  next(pattern: string): string {
    for (;;) {
      const serial = [...pattern].map((symbol) => this.symbol(symbol)).join('');
      if (!this.issued.has(serial)) {
        this.issued.add(serial);
        return serial;
      }
    }
  }

  private symbol(symbol: string): string {
    if (symbol === '9') return this.random.pick(digits);
    if (symbol === 'A') return this.random.pick(letters);
    if (symbol === 'X') return this.random.pick(alphanumerics);
    return symbol;
  }
}

/** Asset tags per owner (`NOVA-104233`), increasing with gaps as real registers do. */
export class AssetTagBook {
  private readonly last = new Map<string, number>();

  constructor(private readonly random: SeededRandom) {}

  next(owner: string): string {
    const previous = this.last.get(owner) ?? this.random.int(100_000, 140_000);
    const number = previous + this.random.int(1, 4);
    this.last.set(owner, number);
    return `${owner}-${number}`;
  }
}

/** Numbered names per prefix: `nova-esx-014`, `nova-fw2`. */
export class NameBook {
  private readonly counters = new Map<string, number>();

  /** `prefix-001`, `prefix-002`… */
  host(prefix: string): string {
    return `${prefix}-${String(this.bump(prefix)).padStart(3, '0')}`;
  }

  /** `prefix1`, `prefix2`… */
  numbered(prefix: string): string {
    return `${prefix}${this.bump(prefix)}`;
  }

  private bump(prefix: string): number {
    const next = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, next);
    return next;
  }
}
