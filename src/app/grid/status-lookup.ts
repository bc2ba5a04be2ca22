import type { StatusLook, StatusSet } from './model/definition';

/** What a value looks like when its set has no look for it, nor for UNSPECIFIED. */
const UNKNOWN_LOOK: StatusLook = { value: 0, key: 'unspecified', icon: 'help', tone: 'neutral' };

/**
 * The look of an enum value in a status set; a value the set does not know (a newer server)
 * looks like the set's value 0 (UNSPECIFIED): unknown, never like some other status.
 */
export function lookOf(statuses: StatusSet, value: number): StatusLook {
  return (
    statuses.looks.find((look) => look.value === value) ??
    statuses.looks.find((look) => look.value === 0) ??
    UNKNOWN_LOOK
  );
}

/** i18n key of the label of an enum value. */
export function statusLabelOf(statuses: StatusSet, value: number): string {
  return statuses.label(lookOf(statuses, value).key);
}
