import { create } from '@bufbuild/protobuf';

import { TaskOptionsSchema } from '../../../proto/gen/armonik/api/grpc/v1/objects_pb';
import { optionEntries, taskOptionColumns } from './task-option-columns';
import { defined } from '../../testing/defined';

const options = create(TaskOptionsSchema, {
  maxDuration: { seconds: 5400n },
  maxRetries: 2,
  priority: 1,
  partitionId: 'gpu',
});

describe('task option columns', () => {
  // The "options" column's table (grid dialog, inspection page) reads in the console's language.
  const column = defined(
    taskOptionColumns<typeof options>((row) => row).find((c) => c.key === 'options'),
    'an options column',
  );

  it.each([
    ['en', '1h 30m'],
    ['fr', '1h 30min'],
  ])('write the maximum duration in %s as %s, as every other duration', (locale, text) => {
    expect(new Map(column.entries?.(options, locale)).get('maxDuration')).toBe(text);
    expect(new Map(optionEntries(options, locale)).get('maxDuration')).toBe(text);
  });

  it('leave the maximum duration empty when the options have none', () => {
    const none = create(TaskOptionsSchema, { maxRetries: 1 });
    expect(new Map(optionEntries(none, 'fr')).get('maxDuration')).toBe('');
    expect(new Map(optionEntries(none, 'fr')).get('maxRetries')).toBe('1');
  });
});
