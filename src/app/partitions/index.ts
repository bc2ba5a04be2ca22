// The partitions folder's public entry: what other features use of it (boundary rule
// `features-through-public-entry` in .dependency-cruiser.cjs). Everything else is internal.
export { PARTITIONS } from './partitions.definition';
