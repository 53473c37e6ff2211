/** Append-only typed arrays that double their capacity: events are counted before they are known. */
type TypedArrayCtor<T> = new (length: number) => T;
interface TypedLike {
  length: number;
  set(array: ArrayLike<number>, offset?: number): void;
  slice(start?: number, end?: number): this;
  [index: number]: number;
}

export class Growable<T extends TypedLike> {
  private buffer: T;
  length = 0;

  constructor(
    private readonly ctor: TypedArrayCtor<T>,
    capacity = 1024,
  ) {
    this.buffer = new ctor(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.buffer.length) this.grow(this.length + 1);
    this.buffer[this.length++] = value;
  }

  /** The filled part, copied to an exact-length array (the builder's buffer is then dropped). */
  toArray(): T {
    return this.buffer.slice(0, this.length);
  }

  private grow(minimum: number): void {
    let capacity = this.buffer.length * 2;
    while (capacity < minimum) capacity *= 2;
    const next = new this.ctor(capacity);
    next.set(this.buffer);
    this.buffer = next;
  }
}
