export const STORE = 1;
