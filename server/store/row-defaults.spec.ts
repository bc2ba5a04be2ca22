import { ResultStore } from './result-store';
import { TaskStore } from './task-store';

// Reserved room is never written (its pages stay untouched): each row gets its defaults when allocated.
describe('rows read their defaults once allocated, whether the room was reserved or grown', () => {
  const BASE = Date.UTC(2026, 11, 1);

  it('tasks: no session, pod, message, retry, parent or dependency; dates unset', () => {
    const tasks = new TaskStore(BASE);
    tasks.reserve(3);
    const rows = Array.from({ length: 1500 }, () => tasks.allocate()); // grows past 3 and 1024
    for (const row of [rows[0]!, rows[3]!, rows[1499]!]) {
      expect([
        tasks.session[row],
        tasks.pod[row],
        tasks.message[row],
        tasks.retryOf[row],
        tasks.parent[row],
        tasks.dependency[row],
      ]).toEqual([-1, -1, -1, -1, -1, -1]);
      expect([tasks.createdAt.get(row), tasks.endedAt.get(row), tasks.podTtl.get(row)]).toEqual([
        NaN,
        NaN,
        NaN,
      ]);
      expect([tasks.status[row], tasks.outputCount[row], tasks.initialOf(row)]).toEqual([
        0,
        0,
        row,
      ]);
    }
  });

  it('results: no session, owner or creator; dates unset, size 0', () => {
    const results = new ResultStore(BASE);
    results.reserve(2);
    const rows = Array.from({ length: 1100 }, () => results.allocate());
    for (const row of [rows[0]!, rows[2]!, rows[1099]!]) {
      expect([
        results.session[row],
        results.owner[row],
        results.createdBy[row],
        results.name[row],
      ]).toEqual([-1, -1, -1, -1]);
      expect([
        results.createdAt.get(row),
        results.completedAt.get(row),
        results.size.get(row),
      ]).toEqual([NaN, NaN, 0]);
    }
  });
});
