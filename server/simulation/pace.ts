/**
 * Which simulator ticks are due, by the clock rather than by timer callbacks: a callback that
 * comes late (the event loop was busy serving a heavy request) runs the ticks it missed, so the
 * cluster keeps its pace under load. Work catch-up is bounded per callback (a long freeze must not
 * turn into a long tick); the churn of every missed tick (sessions opening and closing) always runs,
 * since it is cheap and is what makes the demo look alive.
 */
export class Pace {
  private done = 0;
  private readonly started: number;

  constructor(
    private readonly clock: () => number,
    private readonly tickMs: number,
    private readonly maxCatchUp = 10,
  ) {
    this.started = clock();
  }

  /** The tick numbers due since the last call, each with whether its work runs (oldest first). */
  due(): { readonly tick: number; readonly work: boolean }[] {
    const target = Math.floor((this.clock() - this.started) / this.tickMs);
    const ticks: { tick: number; work: boolean }[] = [];
    for (let tick = this.done + 1; tick <= target; tick++)
      ticks.push({ tick, work: tick > target - this.maxCatchUp });
    this.done = Math.max(this.done, target);
    return ticks;
  }
}
