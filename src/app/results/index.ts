// The results folder's public entry: what other resources use of it (boundary rule
// `features-through-public-entry` in .dependency-cruiser.cjs). Everything else is internal.
export { RESULT_STATUSES } from './result-status';
