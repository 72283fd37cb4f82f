/** Promises settled by key, whichever comes first: the wait for a key or its settlement. */
export class KeyedCompletions<T> {
  private readonly entries = new Map<string, { readonly promise: Promise<T>; readonly resolve: (value: T) => void }>();

  wait(key: string): Promise<T> {
    return this.entry(key).promise;
  }

  settle(key: string, value: T): void {
    this.entry(key).resolve(value);
  }

  private entry(key: string) {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      let resolve: (value: T) => void = () => undefined;
      const promise = new Promise<T>((settle) => {
        resolve = settle;
      });
      entry = { promise, resolve };
      this.entries.set(key, entry);
    }
    return entry;
  }
}
