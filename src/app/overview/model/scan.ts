/**
 * The attention list's bounded cost: candidates (active sessions) are read one page of K per
 * refresh, round-robin, so each refresh costs one List call plus at most 2·K calls (counts, and
 * the last finished task when some finished), whatever the cluster's size.
 */
export const SESSIONS_PER_REFRESH = 12;

/** Which page of candidates to read now, given the page after the last one read. */
export function pageToRead(next: number, total: number, pageSize = SESSIONS_PER_REFRESH): number {
  return next * pageSize >= total ? 0 : next;
}

/** The page after `page`; 0 once the end is reached (a full cycle is over). */
export function pageAfter(page: number, total: number, pageSize = SESSIONS_PER_REFRESH): number {
  return (page + 1) * pageSize >= total ? 0 : page + 1;
}
