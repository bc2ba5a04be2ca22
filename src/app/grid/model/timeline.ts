/** One dated event of an entity's life. */
export interface TimelineStep<E extends string = string> {
  /** Token of the event (`created`, `submitted`…), an i18n key suffix. */
  readonly event: E;
  /** Epoch ms. */
  readonly at: number;
  /** Time since the previous step, in ms. */
  readonly sincePrevious?: number;
}

/**
 * The events that happened, oldest first, each with the time since the one before. Events without
 * a time (or at the epoch, which is how an unset timestamp may come back) are left out; equal
 * times keep the order they are given in.
 */
export function timelineOf<E extends string>(
  events: readonly (readonly [E, number | undefined])[],
): TimelineStep<E>[] {
  const dated = events
    .map(([event, at], index) => ({ event, at, index }))
    .filter((entry): entry is { event: E; at: number; index: number } => !!entry.at && entry.at > 0)
    .sort((a, b) => a.at - b.at || a.index - b.index);
  let previous: number | undefined;
  return dated.map(({ event, at }) => {
    const step =
      previous === undefined ? { event, at } : { event, at, sincePrevious: at - previous };
    previous = at;
    return step;
  });
}
