/**
 * A minimal typed event emitter; listeners that throw are isolated from each other and the SDK.
 * `Events` maps event names to payload types (an interface; no index signature needed).
 */
export class Emitter<Events extends object> {
  readonly #listeners = new Map<keyof Events, Set<(value: never) => void>>();

  on<Name extends keyof Events>(name: Name, listener: (value: Events[Name]) => void): () => void {
    const set = this.#listeners.get(name) ?? new Set();
    set.add(listener as (value: never) => void);
    this.#listeners.set(name, set);
    return () => void set.delete(listener as (value: never) => void);
  }

  emit<Name extends keyof Events>(name: Name, value: Events[Name]): void {
    for (const listener of [...(this.#listeners.get(name) ?? [])]) {
      try {
        (listener as (value: Events[Name]) => void)(value);
      } catch (error) {
        // A host page's listener must not break delivery to the others, nor the SDK itself.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}
