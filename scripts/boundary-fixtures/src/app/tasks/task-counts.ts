export const TASK_COUNTS = 1;
