// Allowed: the grid engine builds on shared/ primitives.
import { DISMISSED } from '../shared/dialog';

export const PROMPT = DISMISSED;
