import { A } from './a';

export const B = () => A;
