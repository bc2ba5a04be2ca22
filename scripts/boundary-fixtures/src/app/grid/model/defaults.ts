export const DEFAULTS = 1;
