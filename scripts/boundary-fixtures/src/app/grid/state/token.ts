import { DEFAULTS } from '../model/defaults';

export const TOKEN = DEFAULTS;
