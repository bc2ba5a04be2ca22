import { Code } from '@connectrpc/connect';

import { ApiError } from '../../api/api-error';
import { type Widget, widget } from '../../../testing/widgets.spec-helper';
import { INITIAL_PAGE, type PageState, reducePage } from './page-state';

const identity = { rowId: (w: Widget) => w.id, changeKey: (w: Widget) => String(w.state) };
const reduce = (state: PageState<Widget>, event: Parameters<typeof reducePage<Widget>>[1]) =>
  reducePage(state, event, identity);

describe('page state', () => {
  const first = reduce(INITIAL_PAGE, {
    type: 'loaded',
    key: 'k',
    rows: [widget('a', 1), widget('b', 1)],
    total: 2,
    at: 1000,
  });

  it('keeps the rows on screen while the next load runs', () => {
    const loading = reduce(first, { type: 'loading', key: 'k2' });
    expect(loading.rows).toBe(first.rows);
    expect(loading.loading).toBe(true);
  });

  it('counts generations and records when it was updated', () => {
    expect(first.generation).toBe(1);
    expect(first.updatedAt).toBe(1000);
    expect(
      reduce(first, { type: 'loaded', key: 'k', rows: [], total: 0, at: 2000 }).generation,
    ).toBe(2);
  });

  it('marks rows whose change key moved on a refresh of the same view', () => {
    const next = reduce(first, {
      type: 'loaded',
      key: 'k',
      rows: [widget('a', 2), widget('b', 1), widget('c', 2)],
      total: 3,
      at: 2000,
    });
    expect([...next.changed]).toEqual(['a']);
  });

  it('keeps the previous object of each row a refresh left unchanged, so it is not re-rendered', () => {
    const next = reduce(first, {
      type: 'loaded',
      key: 'k',
      rows: [widget('a', 1, { size: 2 }), widget('b', 1), widget('c', 1)],
      total: 3,
      at: 2000,
    });
    const [a, b, c] = next.rows;
    expect(a).not.toBe(first.rows[0]);
    expect(a?.size).toBe(2);
    expect(b).toBe(first.rows[1]);
    expect(c?.id).toBe('c');
  });

  it('keeps no object across views: another page or filter brings its own rows', () => {
    const next = reduce(first, {
      type: 'loaded',
      key: 'other',
      rows: [widget('a', 1), widget('b', 1)],
      total: 2,
      at: 2000,
    });
    expect(next.rows[1]).not.toBe(first.rows[1]);
  });

  it('does not call another view’s rows changed', () => {
    const next = reduce(first, {
      type: 'loaded',
      key: 'other',
      rows: [widget('a', 2)],
      total: 1,
      at: 2000,
    });
    expect(next.changed.size).toBe(0);
  });

  it('keeps stale rows with the error when a refresh fails, and clears the error on success', () => {
    const error = new ApiError(Code.Unavailable, 'down');
    const failed = reduce(first, { type: 'failed', key: 'k', error });
    expect(failed.rows).toBe(first.rows);
    expect(failed.error).toBe(error);
    expect(failed.loading).toBe(false);
    const recovered = reduce(failed, { type: 'loaded', key: 'k', rows: [], total: 0, at: 3 });
    expect(recovered.error).toBeUndefined();
  });

  it('drops rows of another view when the new view fails', () => {
    const failed = reduce(first, {
      type: 'failed',
      key: 'other',
      error: new ApiError(Code.Internal, 'x'),
    });
    expect(failed.rows).toEqual([]);
    expect(failed.total).toBe(0);
  });
});
