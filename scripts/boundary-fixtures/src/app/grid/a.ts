// Forbidden: a cycle between two files (a → b → a).
import { B } from './b';

export const A = () => B;
