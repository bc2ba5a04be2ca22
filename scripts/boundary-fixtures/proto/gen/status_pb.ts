export const STATUS = 1;
