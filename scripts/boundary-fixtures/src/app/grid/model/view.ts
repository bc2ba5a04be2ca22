// Forbidden: a cycle between folders (model → state → model) although no file cycle.
import { STORE } from '../state/store';

export const VIEW = () => STORE;
