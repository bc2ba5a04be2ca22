export { TASK_COUNTS } from './task-counts';
