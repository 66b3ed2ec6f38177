// One read shared by the requests that ask for it at once. Under load every
// queue request read the same few facts of the store (its newest article,
// the counts' stamp, the changes since the in-memory index's last read), one
// statement each per request; with 20 clients a process queued ten of each
// behind one another. A shared read answers all who asked while it waited.
//
// It never hands a caller a read that began before the caller asked: that
// read may not see a write the caller has seen committed (an editor's own
// decision, then the queue). So a caller joins the read waiting to begin, or
// starts one; one read runs at a time, and one waits behind it for everyone
// who arrives meanwhile.
import "server-only";

export class NextRead<T> {
  private running: Promise<T> | null = null;
  private waiting: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  /** The result of a read that begins at or after this call. */
  get(): Promise<T> {
    if (this.waiting) return this.waiting;
    if (!this.running) return this.start();
    // Begins once the read under way has ended, however it ended.
    const begin = () => {
      this.waiting = null;
      return this.start();
    };
    this.waiting = this.running.then(begin, begin);
    return this.waiting;
  }

  private start(): Promise<T> {
    let read: Promise<T>;
    try {
      read = this.read();
    } catch (e) {
      read = Promise.reject(e);
    }
    this.running = read;
    const done = () => {
      if (this.running === read) this.running = null;
    };
    read.then(done, done);
    return read;
  }
}

/** A NextRead per store client (or other key object), made on first use. */
export function nextReadFor<K extends object, T>(read: (key: K) => Promise<T>): (key: K) => Promise<T> {
  const reads = new WeakMap<K, NextRead<T>>();
  return (key) => {
    let r = reads.get(key);
    if (!r) reads.set(key, (r = new NextRead(() => read(key))));
    return r.get();
  };
}
