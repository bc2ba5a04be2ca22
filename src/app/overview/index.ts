/** The overview feature's public pieces: what other folders may import. */
export { SessionProgress } from './session-progress';
