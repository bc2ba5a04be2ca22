// The activity folder's public entry (boundary rule `features-through-public-entry` in
// .dependency-cruiser.cjs): the application binds the sessions' journal port with it.
export { provideActionJournal } from './provide-action-journal';
