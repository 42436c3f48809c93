// A large part's XML written straight into bytes, piece by piece. A sheet of
// 10,000 rows built as one JavaScript string is copied again to be flattened,
// joined and encoded, and its row-sized pieces live long enough to be moved by
// the garbage collector; written here, each piece is encoded once and dropped.

export class XmlBytes {
  private bytes: Buffer;
  private at = 0;

  /** `estimate`: the bytes expected, to grow the buffer seldom. */
  constructor(estimate: number) {
    this.bytes = Buffer.allocUnsafe(Math.max(estimate, 1024));
  }

  /** Short pieces (a cell, a tag) gathered into one string before they are encoded: one write for many. */
  private pending = '';

  readonly write = (piece: string): void => {
    if (piece.length < 1024) {
      this.pending += piece;
      if (this.pending.length >= 8192) this.flush();
      return;
    }
    this.flush();
    this.encode(piece);
  };

  private flush(): void {
    if (this.pending === '') return;
    this.encode(this.pending);
    this.pending = '';
  }

  private encode(piece: string): void {
    // A UTF-16 unit takes at most three bytes in UTF-8: only a piece that might not fit is measured.
    if (this.bytes.length - this.at < piece.length * 3) {
      const needed = this.at + Buffer.byteLength(piece, 'utf8');
      if (needed > this.bytes.length) {
        const grown = Buffer.allocUnsafe(Math.max(needed, this.bytes.length * 2));
        this.bytes.copy(grown, 0, 0, this.at);
        this.bytes = grown;
      }
    }
    this.at += this.bytes.write(piece, this.at, 'utf8');
  }

  /** The bytes written so far. */
  result(): Buffer {
    this.flush();
    return this.bytes.subarray(0, this.at);
  }
}
