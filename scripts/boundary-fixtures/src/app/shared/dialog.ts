export const DISMISSED = Symbol('dismissed');
